"""The demo assembly (`build_demo`): an ordinary client of the domain, used by the CLI, the GUI and the tests."""

from facilitator_app.demo.build import STEPS, DemoError, build_demo, summary

__all__ = ["STEPS", "DemoError", "build_demo", "summary"]
