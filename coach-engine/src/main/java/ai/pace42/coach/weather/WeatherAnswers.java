package ai.pace42.coach.weather;

import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.CoachQuestion;

/** The weather coach's answers as an intent another coach can ask for (the LLM coach's weather tool). */
public interface WeatherAnswers {

    /**
     * The answer to one weather question at the home location of the question's account: the forecast, the
     * conditions score with its factors and the chart, or the question where the runner runs. Never throws.
     */
    CoachAnswer weather(CoachQuestion q, WeatherQuestion wq);
}
