"""`amity user create …` and `amity token create|list|revoke …`: people and their API tokens."""

from __future__ import annotations

import getpass

from amity.commands.setup import fail

ROLES = ("admin", "editor", "reviewer", "viewer")


def add_parser(sub) -> None:
    user = sub.add_parser("user", help="create users with a role (admin, editor, reviewer, viewer)")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    create = user_sub.add_parser("create", help="create a user (or change an existing user's role and scope)")
    create.add_argument("username")
    create.add_argument("--role", choices=ROLES, required=True)
    create.add_argument("--password", help="the password; asked for on a terminal when left out "
                                           "(no password: the user signs in with API tokens only)")
    create.add_argument("--email", default="")
    create.add_argument("--scope-place", action="append", default=[], metavar="PLACE",
                        help="limit an editor to records involving this place: kr:26000, iso:SI, "
                             "geonames:3197378, place:Busan@KR or an id (repeatable)")
    create.add_argument("--no-password", action="store_true", help="do not ask for a password")

    token = sub.add_parser("token", help="API tokens: create, list, revoke")
    token_sub = token.add_subparsers(dest="token_command", metavar="ACTION", required=True)
    make = token_sub.add_parser("create", help="issue a token for a user and print its key (shown once)")
    make.add_argument("username")
    make.add_argument("name", help="what the token is for, e.g. 'ci export'")
    make.add_argument("--read-only", action="store_true", help="the token may read but never write")
    listing = token_sub.add_parser("list", help="list tokens (of one user)")
    listing.add_argument("username", nargs="?")
    revoke = token_sub.add_parser("revoke", help="revoke a token by its id")
    revoke.add_argument("id", type=int)


def _place(key: str):
    from amity.registry import models as m
    from amity.registry.reference import reference_uid
    from amity.transfer.importer import _place_by_name

    if key.isdigit():
        return m.Place.objects.filter(pk=int(key)).first()
    scheme, _, value = key.partition(":")
    if scheme in ("iso", "kr", "geonames") and value:
        return m.Place.objects.filter(uid=reference_uid(key)).first()
    if scheme == "place" and "@" in value:
        return _place_by_name(*value.rsplit("@", 1))
    return None


def user(args) -> int:
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from amity.accounts.models import Profile

    places = []
    for key in args.scope_place:
        place = _place(key)
        if place is None:
            return fail(f"no place {key!r} (use kr:26000, iso:SI, geonames:ID, place:Name@CC or an id)")
        places.append(place)
    if places and args.role != "editor":
        return fail("a place scope limits editors only; use --role editor")
    password = args.password
    if password is None and not args.no_password:
        try:
            password = getpass.getpass(f"Password for {args.username} (empty: none): ") or None
        except (EOFError, OSError):
            password = None
    user_model = get_user_model()
    with transaction.atomic():
        account, created = user_model.objects.get_or_create(username=args.username,
                                                             defaults={"email": args.email})
        if password:
            account.set_password(password)
        elif created:
            account.set_unusable_password()
        account.is_staff = args.role == "admin"
        account.save()
        profile, _ = Profile.objects.get_or_create(user=account)
        profile.role = args.role
        profile.save()
        profile.scope_places.set(places)
    scope = f", scope {', '.join(str(p) for p in places)}" if places else ""
    print(f"{'Created' if created else 'Updated'} user {account.username} ({args.role}{scope}).")
    return 0


def token(args) -> int:
    from django.contrib.auth import get_user_model

    from amity.accounts.models import ApiToken

    if args.token_command == "create":
        account = get_user_model().objects.filter(username=args.username).first()
        if account is None:
            return fail(f"no user {args.username!r} (create one with `amity user create`)")
        issued, key = ApiToken.issue(account, args.name, read_only=args.read_only)
        print(f"Token {issued.pk} for {account.username} ({'read-only' if issued.read_only else 'read-write'}).")
        print("Key (shown only now; store it safely):")
        print(key)
        return 0
    if args.token_command == "list":
        tokens = ApiToken.objects.select_related("user")
        if args.username:
            tokens = tokens.filter(user__username=args.username)
        for item in tokens:
            state = f"revoked {item.revoked:%Y-%m-%d}" if item.revoked else "active"
            used = f"{item.last_used:%Y-%m-%d %H:%M}" if item.last_used else "never"
            mode = "read-only" if item.read_only else "read-write"
            print(f"{item.pk:>5}  {item.user.username:<16} {item.prefix}…  {mode:<10} {state:<18} "
                  f"last used {used}  {item.name}")
        return 0
    found = ApiToken.objects.filter(pk=args.id).first()
    if found is None:
        return fail(f"no token with id {args.id}")
    found.revoke()
    print(f"Revoked token {found.pk} ({found.name}) of {found.user.username}.")
    return 0
