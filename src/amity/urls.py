from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from amity.accounts.forms import ThrottledAuthenticationForm

admin.site.site_header = "Amity registry"
admin.site.site_title = "Amity"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("amity.api.urls")),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True,
                                                         authentication_form=ThrottledAuthenticationForm), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("portfolio/", include("amity.portfolio.urls")),
    path("", include("amity.web.urls")),
]
