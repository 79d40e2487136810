"""Reviewer accounts for the review app: names and password hashes, kept in the
secrets file beside the claims database (claims/store/vault.py), never in the database itself.

Passwords are hashed with scrypt (werkzeug's default: N=32768, r=8, p=1, a random
16-byte salt per password); only the hash is stored. `claims user add NAME --db FILE`
creates an account. Reading the review app needs no account; recording a verdict does.
"""

from __future__ import annotations

import hmac
import unicodedata
from functools import lru_cache

from werkzeug.security import check_password_hash, generate_password_hash

from claims.store import ClaimStore, StoreError, UserRow
from claims.store.vault import Vault, vault_path

PASSWORD_METHOD = "scrypt"
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024
MAX_NAME_LENGTH = 64



@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """Checked against when the name is unknown, so a wrong name costs as long as a
    wrong password and the response time does not tell which names exist."""
    return generate_password_hash("not a password of anyone", method=PASSWORD_METHOD)


def _vault(store: ClaimStore) -> Vault:
    """The secrets file of this store's database (opened once per store)."""
    vault = getattr(store, "_vault", None)
    if vault is None:
        vault = Vault(store.path)
        store._vault = vault
    return vault


def find_user(store: ClaimStore, name: str) -> UserRow | None:
    return _vault(store).user(name)


def list_users(store: ClaimStore) -> list[UserRow]:
    """The accounts; read-only: with no secrets file yet, the ones an older database holds."""
    if not vault_path(store.path).exists():
        return store.users()
    return _vault(store).users()


class UserError(ValueError):
    """A name or password the accounts do not accept; the message says why."""


def check_name(name: str) -> str:
    name = unicodedata.normalize("NFC", name.strip())
    if not name:
        raise UserError("a user name cannot be empty")
    if len(name) > MAX_NAME_LENGTH:
        raise UserError(f"a user name has at most {MAX_NAME_LENGTH} characters")
    if any(unicodedata.category(ch)[0] in "CZ" and ch != " " for ch in name):
        raise UserError("a user name cannot contain control characters or line breaks")
    return name


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise UserError(f"a password has at most {MAX_PASSWORD_LENGTH} characters")
    return password


def add_user(store: ClaimStore, name: str, password: str) -> UserRow:
    """Create an account; UserError if the name or password is refused or taken."""
    name, password = check_name(name), check_password(password)
    try:
        return _vault(store).add_user(name, generate_password_hash(password, method=PASSWORD_METHOD))
    except StoreError as e:
        raise UserError(str(e)) from e


def set_password(store: ClaimStore, name: str, password: str) -> None:
    password = check_password(password)
    try:
        _vault(store).set_password_hash(check_name(name), generate_password_hash(password, method=PASSWORD_METHOD))
    except StoreError as e:
        raise UserError(str(e)) from e


def authenticate(store: ClaimStore, name: str, password: str) -> UserRow | None:
    """The account if the name and password match, else None (in about the same time)."""
    try:
        name = check_name(name)
    except UserError:
        name = ""
    user = _vault(store).user(name) if name and len(password) <= MAX_PASSWORD_LENGTH else None
    if user is None:
        check_password_hash(_dummy_hash(), password[:MAX_PASSWORD_LENGTH])
        return None
    return user if check_password_hash(user.password_hash, password) else None


def same_token(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison of two secrets (CSRF tokens)."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))
