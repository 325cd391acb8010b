/** Garmin Connect linking, API calls, normalisation into the coach model, and activity file import. */
package ai.pace42.garmin;
