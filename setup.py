"""Kept for scrapyd-deploy, which builds the project egg with ``python setup.py bdist_egg``.

Without this file scrapyd-deploy writes its own ``setup.py`` (project name "project", every
package found, tests included). Everything is declared in pyproject.toml, including the
``scrapy`` entry point that tells scrapyd the settings module (see docs/scaleout.md).
"""

from setuptools import setup

setup()
