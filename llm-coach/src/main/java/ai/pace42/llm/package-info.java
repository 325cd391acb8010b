package ai.pace42.llm;
