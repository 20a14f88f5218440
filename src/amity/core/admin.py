# The change log's admin is registered in amity.registry.admin: it shows each change as the
# history tab does (names, dates and labels), which needs the registry's records.
