package ai.pace42.coach.model;

/** Only used to pick Banister TRIMP coefficients. */
public enum Sex {
    MALE, FEMALE
}
