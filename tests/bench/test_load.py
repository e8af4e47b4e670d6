from bench.load import client_environment


def test_locust_may_block_on_looking_up_an_address():
    assert client_environment("http://127.0.0.1:8000") == {"GEVENT_RESOLVER": "block"}
    assert client_environment("http://[::1]:8000") == {"GEVENT_RESOLVER": "block"}


def test_locust_looks_up_a_host_name_in_the_background_as_usual():
    assert client_environment("https://leave-analytics.example.com") == {}
