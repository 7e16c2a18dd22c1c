-- One database per service (each service owns its data); the services migrate their own schemas.
CREATE DATABASE measures OWNER safeguarding;
CREATE DATABASE reporting OWNER safeguarding;
CREATE DATABASE audits OWNER safeguarding;
CREATE DATABASE surveys OWNER safeguarding;
CREATE DATABASE casereviews OWNER safeguarding;
