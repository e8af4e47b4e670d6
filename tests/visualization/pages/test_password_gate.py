from tests.visualization.pages.shown import metrics

PASSWORD = "let me in"


def sign_in(app, password: str):
    app.text_input[0].input(password)
    return app.button[0].click().run()


def test_with_a_password_set_the_dashboard_asks_for_it_first(open_dashboard, demo_database_url):
    app = open_dashboard(demo_database_url, dashboard_password=PASSWORD)
    assert app.text_input[0].label == "Dashboard password"
    assert not app.metric
    assert not app.multiselect


def test_a_wrong_password_keeps_the_dashboard_locked(open_dashboard, demo_database_url):
    app = sign_in(open_dashboard(demo_database_url, dashboard_password=PASSWORD), "let me on")
    assert [error.value for error in app.error] == ["That password is not right."]
    assert not app.metric


def test_the_right_password_opens_the_dashboard(open_dashboard, demo_database_url):
    app = sign_in(open_dashboard(demo_database_url, dashboard_password=PASSWORD), PASSWORD)
    assert not app.exception
    assert "Approved leave days" in metrics(app)


def test_without_a_password_set_the_dashboard_opens_directly(open_dashboard, demo_database_url):
    app = open_dashboard(demo_database_url)
    assert not app.text_input
    assert "Approved leave days" in metrics(app)
