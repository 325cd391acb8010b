package ai.pace42.discord;

/**
 * What completing a deferred interaction needs: the application id and the interaction token (a secret for its
 * 15 minutes of validity, so never logged), plus the request id that is.
 */
record InteractionRef(String applicationId, String token, String requestId) {

    @Override
    public String toString() {
        return "InteractionRef[" + requestId + "]";
    }
}
