# Run by bench/peer.py as `manage.py shell < create_survey.py` (BENCH_PEER_PASSWORD set): the peer's
# survey, about the size of svforms' role survey (12 five-option ratings + 2 free-text answers, one
# page), and an admin to sign in for the export. Prints one JSON line for peer.py.
import json
import os
from datetime import date

from django.contrib.auth.models import User
from django.db import connection
from survey.models import Question, Survey

OPTIONS = ["No understanding", "Limited understanding", "Some understanding", "Good understanding", "Full understanding"]
survey = Survey.objects.create(
    name="Peer benchmark survey", description="12 radio questions (5 options) + 2 free-text questions",
    is_published=True, need_logged_user=False, editable_answers=True, display_method=Survey.ALL_IN_ONE_PAGE,
    publish_date=date(2020, 1, 1), expire_date=date(2099, 12, 31))
radios = [Question.objects.create(survey=survey, order=i, required=True, type=Question.RADIO,
                                  text=f"Q{i}. How well do you understand topic {i}?", choices=",".join(OPTIONS))
          for i in range(1, 13)]
texts = [Question.objects.create(survey=survey, order=13 + i, required=False, type=Question.TEXT, text=text)
         for i, text in enumerate(["Q13. What would help you most?", "Q14. Any other comments?"])]
User.objects.create_superuser("bench", "bench@example.org", os.environ["BENCH_PEER_PASSWORD"])
with connection.cursor() as cursor:  # the settings' PRAGMAs as a connection of the app sees them
    pragmas = {name: cursor.execute(f"PRAGMA {name}").fetchone()[0] for name in ("journal_mode", "synchronous")}
print(json.dumps({"survey": survey.pk, "radios": [q.pk for q in radios], "texts": [q.pk for q in texts],
                  "pragmas": pragmas}))
