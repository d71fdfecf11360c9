"""The browser dashboard (the only package that imports Dash)."""

from orgcharts.web.app import assets_folder, create_app

__all__ = ["assets_folder", "create_app"]
