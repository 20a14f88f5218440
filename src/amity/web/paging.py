"""Long lists on a record page, one page at a time, each list with its own page number.

A busy city has thousands of engagements and hundreds of partners: its page shows the
first few of each list and links to the next, instead of sending every row at once.
"""

from __future__ import annotations

from django.core.paginator import Page, Paginator

RECORD_LIST_SIZE = 25


class ListPage:
    """One page of one list: its items, and the query parameter that turns its pages."""

    def __init__(self, page: Page, param: str):
        self.page = page
        self.param = param

    def __iter__(self):
        return iter(self.page.object_list)

    def __len__(self) -> int:
        return len(self.page.object_list)

    def __bool__(self) -> bool:
        return bool(self.page.object_list)


def list_page(request, items, param: str, per_page: int = RECORD_LIST_SIZE, count: int | None = None) -> ListPage:
    """`items` (a queryset or a list) cut to the page named by `?<param>=N` (a bad number: the first).

    `count`, when the caller knows it (kept from an earlier view), saves counting every item again."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count
    return ListPage(paginator.get_page(request.GET.get(param)), param)
