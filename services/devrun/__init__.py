"""`make run` in one process: a private Redis (or REDIS_URL), workers and the API; see __main__."""
