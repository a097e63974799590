# Replaces the startproject urls.py: the admin (for the export's signed-in session) and the survey app.
from django.contrib import admin
from django.urls import include, path

urlpatterns = [path("admin/", admin.site.urls), path("survey/", include("survey.urls"))]
