from backend.main import create_app
from tests.operations.in_process import in_process_settings

DOCUMENT = create_app(in_process_settings("postgresql:///unused")).openapi()


def test_an_upload_documents_the_answer_to_a_malformed_multipart_body():
    answers = DOCUMENT["paths"]["/leaves/upload"]["post"]["responses"]

    assert answers["400"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorBody"
    }


def test_a_body_that_is_not_multipart_is_not_documented_as_malformed_multipart():
    for path, operations in DOCUMENT["paths"].items():
        for operation in operations.values():
            content = operation.get("requestBody", {}).get("content", {})
            if "multipart/form-data" not in content:
                assert "400" not in operation["responses"], path
