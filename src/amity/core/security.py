"""A strict Content-Security-Policy on every response: pages use only the site's own assets.

Scripts come only from the site's static files (no inline script, no eval), and so do
style sheets, fonts and images (plus data: images for the map's markers); nothing
may frame the pages. Inline `style` attributes are refused too (templates use the
stylesheet's classes; SVG pictures use presentation attributes), so injected markup
cannot restyle a page. A view may set its own header; it is then left as it is.
"""

from __future__ import annotations

from django.conf import settings

DEFAULT_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "AMITY_CONTENT_SECURITY_POLICY", DEFAULT_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.policy
        return response
