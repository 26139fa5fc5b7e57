"""The tables slack_sdk's SQLAlchemy installation and OAuth state stores use, declared in one metadata
so that alembic creates them with ours instead of the stores' create_all at run time."""

from __future__ import annotations

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import MetaData

slack_metadata = MetaData()
SQLAlchemyInstallationStore.build_bots_table(
    slack_metadata, SQLAlchemyInstallationStore.default_bots_table_name
)
SQLAlchemyInstallationStore.build_installations_table(
    slack_metadata, SQLAlchemyInstallationStore.default_installations_table_name
)
SQLAlchemyOAuthStateStore.build_oauth_states_table(
    slack_metadata, SQLAlchemyOAuthStateStore.default_table_name
)
