"""Maintainer commands: `check`, `freshness` and `impact`, each `main(argv) -> int`.

`wizard/cli.py` routes `python -m wizard NAME ...` to `wizard.maintain.NAME.main`. The
checks against the AWS SDK models (`sdk_models`) need botocore, a development dependency.
"""
