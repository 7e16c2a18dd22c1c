-- One database per service (each service owns its data); the services migrate their own schemas.
CREATE DATABASE measures OWNER safeguarding;
CREATE DATABASE reporting OWNER safeguarding;
