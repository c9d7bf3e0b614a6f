"""Request and response bodies, as marshmallow schemas (also the OpenAPI document)."""
from __future__ import annotations

from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate, validates

from services.common.formats import TEXT_TYPES
from services.common.jobs import JobStatus, Stage, StageStatus

MAX_SUMMARY_SENTENCES = 50
MAX_WAIT_SECONDS = 60


class Text(fields.String):
    """A string that can be stored as UTF-8 (JSON lets a client send lone surrogates)."""

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise ValidationError("Not valid Unicode: it holds an unpaired surrogate.") from None
        return text


class OptionsSchema(Schema):
    class Meta:
        unknown = RAISE

    summary_sentences = fields.Integer(
        load_default=3, validate=validate.Range(1, MAX_SUMMARY_SENTENCES),
        metadata={"description": "Sentences in the summary."})
    summary_ratio = fields.Float(
        validate=validate.Range(0, 1, min_inclusive=False),
        metadata={"description": "Summarise to this share of the sentences instead (0-1]."})
    summary_max_chars = fields.Integer(
        validate=validate.Range(1, 1_000_000),
        metadata={"description": "Cap on the summary's length in characters."})

    @pre_load
    def _budget_alone_means_as_many_as_fit(self, data, **_: object):
        # A ratio or character budget given without a count should not be capped at 3 sentences.
        if isinstance(data, dict) and "summary_sentences" not in data and (
                "summary_ratio" in data or "summary_max_chars" in data):
            data = {**data, "summary_sentences": MAX_SUMMARY_SENTENCES}
        return data


_DEFAULT_OPTIONS = OptionsSchema().load({})


class DocumentFieldsSchema(Schema):
    """What a client may say about a document, however it is sent."""

    title = Text(validate=validate.Length(1, 1000),
                 metadata={"description": "Used instead of the detected title."})
    filename = Text(validate=validate.Length(1, 255))
    callback_url = fields.Url(
        schemes={"http", "https"}, require_tld=False, validate=validate.Length(max=2000),
        metadata={"description": "Called with a POST (JSON, signed when WEBHOOK_SECRET is set) "
                                 "when the job has finished."})


class JobCreateSchema(DocumentFieldsSchema):
    """A document sent as JSON."""

    class Meta:
        unknown = RAISE

    text = Text(required=True, metadata={"description": "The document itself."})
    content_type = Text(load_default="text/plain", validate=validate.OneOf(TEXT_TYPES))
    options = fields.Nested(OptionsSchema, load_default=lambda: _DEFAULT_OPTIONS.copy())

    @validates("text")
    def _not_blank(self, value: str, **_: object) -> None:
        if not value.strip():
            raise ValidationError("The document is empty.")


class UploadArgsSchema(OptionsSchema, DocumentFieldsSchema):
    """Query parameters (or form fields) that go with a raw or multipart upload."""


class WebhookSchema(Schema):
    attempts = fields.Integer()
    status_code = fields.Integer(allow_none=True)
    error = fields.String(allow_none=True)
    delivered = fields.Boolean()
    at = fields.String()


class InputSchema(Schema):
    filename = fields.String(allow_none=True)
    title = fields.String(allow_none=True, metadata={"description": "The title the client gave, "
                                                     "used instead of the detected one."})
    content_type = fields.String()
    bytes = fields.Integer()
    sha256 = fields.String()


class StageSchema(Schema):
    name = fields.Enum(Stage, by_value=True)
    status = fields.Enum(StageStatus, by_value=True)
    started_at = fields.String(allow_none=True)
    finished_at = fields.String(allow_none=True)
    duration_ms = fields.Integer(allow_none=True)
    attempts = fields.Integer()
    worker = fields.String(allow_none=True, metadata={"description": "The worker that ran it last."})
    error = fields.Dict(allow_none=True)


class StatsSchema(Schema):
    chars = fields.Integer()
    words = fields.Integer()
    paragraphs = fields.Integer()
    lang = fields.String(metadata={"description": "ISO 639-1 code of the text's language; und if unsure."})
    ocr_pages = fields.Integer(metadata={"description": "Pages read by OCR (scans and images)."})


class DocumentSchema(Schema):
    title = fields.String(allow_none=True)
    text = fields.String()
    content_type = fields.String()
    warnings = fields.List(fields.String())
    stats = fields.Nested(StatsSchema)


class SpanSchema(Schema):
    """A run of the cleaned text: ``document.text[start:end] == text``."""

    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()


class SpeakerSchema(Schema):
    """Who said it; ``start``/``end`` is the mention that attributes the quote."""

    name = fields.String(metadata={"description": "the fullest name the document gives"})
    start = fields.Integer()
    end = fields.Integer()
    via = fields.String(metadata={"description": "how the speaker was found: name, surname, "
                                                 "pronoun, continuation or noun phrase"})


class QuoteSchema(Schema):
    text = fields.String(metadata={"description": "the parts' texts joined by a space"})
    start = fields.Integer(metadata={"description": "the first part's start"})
    end = fields.Integer(metadata={"description": "the last part's end"})
    kind = fields.String(metadata={"description": "direct, indirect or mixed"})
    parts = fields.List(fields.Nested(SpanSchema), metadata={
        "description": "the quoted words: never a quote mark, the attribution between two halves "
                       "or the re-opening mark of a continued paragraph"})
    content = fields.Nested(SpanSchema, allow_none=True, metadata={
        "description": "the whole reported clause of a mixed or indirect quote; null for a direct one"})
    speaker = fields.Nested(SpeakerSchema, allow_none=True)
    cue = fields.String(allow_none=True)


class SourceSchema(Schema):
    """A person, organisation or document quoted in the document."""

    name = fields.String()
    kind = fields.String(metadata={"description": "person, organisation or document (a report, a statement, court papers)"})
    mentions = fields.List(fields.Nested(SpanSchema))
    quotes = fields.List(fields.Integer(), metadata={"description": "indices into result.quotes"})


class SummarySentenceSchema(Schema):
    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    score = fields.Float()


class SummarySchema(Schema):
    text = fields.String()
    sentences = fields.List(fields.Nested(SummarySentenceSchema))


class ResultSchema(Schema):
    document = fields.Nested(DocumentSchema)
    quotes = fields.List(fields.Nested(QuoteSchema))
    speakers = fields.List(fields.Nested(SourceSchema))
    summary = fields.Nested(SummarySchema)


class JobErrorSchema(Schema):
    stage = fields.String(allow_none=True)
    type = fields.String()
    detail = fields.String()


class JobSchema(Schema):
    id = fields.String()
    status = fields.Enum(JobStatus, by_value=True)
    created_at = fields.String()
    updated_at = fields.String()
    expires_at = fields.String()
    input = fields.Nested(InputSchema)
    options = fields.Nested(OptionsSchema)
    stages = fields.List(fields.Nested(StageSchema))
    result = fields.Nested(ResultSchema)
    error = fields.Nested(JobErrorSchema, allow_none=True)
    callback_url = fields.String(allow_none=True)
    webhook = fields.Nested(WebhookSchema, allow_none=True,
                            metadata={"description": "The latest webhook delivery, if any."})


class JobSummarySchema(JobSchema):
    class Meta:
        exclude = ("result",)


class JobBatchSchema(Schema):
    jobs = fields.List(fields.Nested(JobSchema))


class JobListSchema(Schema):
    jobs = fields.List(fields.Nested(JobSummarySchema))
    next = fields.String(allow_none=True, metadata={"description": "Cursor for the next page."})


class WaitArgsSchema(Schema):
    wait = fields.Float(load_default=0, validate=validate.Range(0, MAX_WAIT_SECONDS),
                        metadata={"description": "Hold the request up to this many seconds "
                                                 "until the job has finished."})
    since = fields.String(load_default=None, validate=validate.Length(max=64), metadata={
        "description": "With `wait`: answer as soon as the job has changed, i.e. its `updated_at` "
                       "differs from this value (the `updated_at` of the copy you hold), so a "
                       "client follows each stage as it starts and ends."})


class ListArgsSchema(Schema):
    limit = fields.Integer(load_default=20, validate=validate.Range(1, 100))
    cursor = fields.String(load_default=None, allow_none=True,
                           metadata={"description": "`next` of the previous page."})

    @pre_load
    def _empty_cursor_is_none(self, data, **_: object):
        if data.get("cursor") == "":
            data = {k: v for k, v in data.items() if k != "cursor"}
        return data


class ProblemSchema(Schema):
    type = fields.String()
    title = fields.String()
    status = fields.Integer()
    detail = fields.String()
    errors = fields.List(fields.Dict())
