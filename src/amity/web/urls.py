from django.urls import path

from amity.web.views import dashboard, documents, edit, pictures, places, records, review, search, tokens

app_name = "web"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("places/", places.place_list, name="places"),
    path("places/<int:pk>/", places.place_detail, name="place"),
    path("agreements/", records.agreement_list, name="agreements"),
    path("agreements/<int:pk>/", records.agreement_detail, name="agreement"),
    path("alliances/", records.alliance_list, name="alliances"),
    path("alliances/<int:pk>/", records.alliance_detail, name="alliance"),
    path("projects/", records.project_list, name="projects"),
    path("projects/<int:pk>/", records.project_detail, name="project"),
    path("engagements/", records.engagement_list, name="engagements"),
    path("engagements/<int:pk>/", records.engagement_detail, name="engagement"),
    path("people/", records.person_list, name="people"),
    path("people/<int:pk>/", records.person_detail, name="person"),
    path("organizations/", records.organization_list, name="organizations"),
    path("organizations/<int:pk>/", records.organization_detail, name="organization"),
    path("documents/", documents.document_list, name="documents"),
    path("documents/new/", documents.document_new, name="document-new"),
    path("documents/<int:pk>/", documents.document_detail, name="document"),
    path("review/", review.inbox, name="review"),
    path("review/bulk/", review.bulk, name="review-bulk"),
    path("review/merges/", review.merges, name="merges"),
    path("review/merges/<int:pk>/", review.merge_decide, name="merge-decide"),
    path("review/claims/<int:pk>/accept/", review.accept, name="claim-accept"),
    path("review/claims/<int:pk>/reject/", review.reject, name="claim-reject"),
    path("review/claims/<int:pk>/undo/", review.undo, name="claim-undo"),
    path("review/claims/<int:pk>/edit/", review.edit, name="claim-edit"),
    path("search/", search.search_page, name="search"),
    path("pictures/", pictures.pictures_page, name="pictures"),
    path("edit/<slug:slug>/new/", edit.create, name="create"),
    path("edit/<slug:slug>/<int:pk>/", edit.update, name="edit"),
    path("edit/<slug:slug>/<int:pk>/delete/", edit.delete, name="delete"),
    path("history/<slug:slug>/<int:pk>/", edit.history, name="history"),
    path("suggest/<slug:kind>/", edit.suggest, name="suggest"),
    path("tokens/", tokens.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", tokens.revoke, name="token-revoke"),
]
