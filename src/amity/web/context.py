def amity(request):
    from amity.web.access import roles_for

    return {"perms_amity": roles_for(getattr(request, "user", None))}
