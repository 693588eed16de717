#!/usr/bin/env python3
"""Validates a Firebreak JSON report against the report schema: validate-report.py SCHEMA REPORT.

Uses the draft the schema declares, with a strict RFC 3339 date-time check of its own so it does not
depend on jsonschema's optional format extras. Exit 0 valid, 1 invalid (errors printed), 3 jsonschema missing.
"""
import sys, json, re, datetime
try:
    import jsonschema
except ImportError:
    print("FIREBREAK-MISSING-JSONSCHEMA: the Python package 'jsonschema' is not installed; run: pip install jsonschema")
    sys.exit(3)
schema = json.load(open(sys.argv[1], encoding="utf-8"))
document = json.load(open(sys.argv[2], encoding="utf-8"))
checker = jsonschema.FormatChecker()
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
@checker.checks("date-time", raises=ValueError)
def date_time(value):
    if not isinstance(value, str):
        return True
    if not RFC3339.match(value):
        raise ValueError("not RFC 3339: %r" % value)
    datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
errors = sorted(cls(schema, format_checker=checker).iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
for error in errors:
    print("/" + "/".join(map(str, error.absolute_path)) + ": " + error.message[:300])
sys.exit(1 if errors else 0)
