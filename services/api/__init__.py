"""The intake API: create_app() builds a Flask app from the shared settings."""
from __future__ import annotations

import logging
from pathlib import Path

import flask_swagger_ui
from flask import Flask, send_from_directory
from kombu.exceptions import OperationalError
from marshmallow import ValidationError
from redis import RedisError

from services.api import health, jobs, metrics, runtime, traffic, web
from services.api.intake import request_limit
from services.api.openapi import ProblemResponses
from services.api.slow_clients import BodyTimeout, with_body_deadline
from services.api.problems import RETRY_AFTER_SECONDS, ProblemApi, problem_response, validation_problem
from services.api.schemas import JobBatchSchema, JobCreateSchema
from services.common.settings import Settings, get_settings

LOGGER = logging.getLogger(__name__)
API_DESCRIPTION = ("POST a document, get a job ID at once; workers clean it, find who said what "
                   "and summarise it. Every error is RFC 9457 problem+json. Try it on the "
                   "[web page](/).")
SWAGGER_UI_URL = "/docs/assets/"
# Swagger UI 5 (it reads OpenAPI 3.1), as the flask-swagger-ui package ships it: no CDN.
SWAGGER_UI_DIR = Path(flask_swagger_ui.__file__).parent / "dist"


def create_app(settings: Settings | None = None) -> Flask:
    settings = settings or get_settings()
    app = Flask(__name__)
    app.config.from_mapping(
        # The largest body of any request; POST /v1/jobs sets a request's own (intake.request_limit).
        MAX_CONTENT_LENGTH=request_limit("application/json", settings.max_document_bytes),
        API_TITLE="docpipe",
        API_VERSION="1",
        OPENAPI_VERSION="3.1.0",
        API_SPEC_OPTIONS={"info": {"description": API_DESCRIPTION}},
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="/docs",
        OPENAPI_SWAGGER_UI_URL=SWAGGER_UI_URL,
        OPENAPI_SWAGGER_UI_CONFIG={"deepLinking": True, "displayRequestDuration": True,
                                   "persistAuthorization": True, "defaultModelsExpandDepth": 0},
    )
    app.json.sort_keys = False  # keep the documented field order
    runtime.init_app(app, settings)
    traffic.init_app(app, app.extensions["docpipe"].store)
    api = ProblemApi(app, spec_kwargs={"extra_plugins": [ProblemResponses()]})
    api.spec.components.schema("JobCreate", schema=JobCreateSchema)
    api.spec.components.schema("JobBatch", schema=JobBatchSchema)
    api.register_blueprint(jobs.blp)
    api.register_blueprint(health.blp)
    api.register_blueprint(metrics.blp)
    app.register_blueprint(web.bp)
    app.add_url_rule(f"{SWAGGER_UI_URL}<path:name>", "swagger_assets", _swagger_asset)
    _register_error_handlers(app)
    app.wsgi_app = with_body_deadline(app.wsgi_app, settings.body_timeout_seconds)
    return app


def _swagger_asset(name: str):
    return send_from_directory(SWAGGER_UI_DIR, name)


def _register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ValidationError)
    def _invalid(exc: ValidationError):
        problem = validation_problem(exc, "body")
        return problem_response(422, problem.description, errors=problem.errors,
                                slug="invalid-request")

    @app.errorhandler(BodyTimeout)
    def _slow_body(exc: BodyTimeout):
        return problem_response(408, str(exc), slug="request-timeout",
                                errors=[{"field": "_body", "in": "body", "reason": str(exc)}])

    @app.errorhandler(RedisError)
    @app.errorhandler(OperationalError)
    def _unavailable(exc: Exception):
        LOGGER.warning("store or queue unavailable: %s", exc)
        return problem_response(503, "The job store or queue is unavailable; try again shortly.",
                                slug="service-unavailable", headers={"Retry-After": RETRY_AFTER_SECONDS})
