"""The admin shows the portfolio models (yearly lists with their entries, agenda items with decisions)."""

from amity.portfolio.services import add_agenda_item, record_year


def test_admin_pages(haeoreum, users, as_role):
    from amity.registry import models as m

    users["admin"].is_staff = True
    users["admin"].save()
    year = record_year(haeoreum, 2024, stated_count=36)
    item = add_agenda_item(m.Engagement.objects.get(alliance=haeoreum), "Budget")
    admin = as_role("admin")
    for url in ("/admin/portfolio/portfolioyear/", f"/admin/portfolio/portfolioyear/{year.pk}/change/",
                "/admin/portfolio/agendaitem/", f"/admin/portfolio/agendaitem/{item.pk}/change/"):
        assert admin.get(url).status_code == 200, url
