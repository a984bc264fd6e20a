"""The reliability suite uses the browser's fixtures too (the app on the loaded database, users)."""
from tests.e2e.conftest import client, make_user, samples, web_app  # noqa: F401
