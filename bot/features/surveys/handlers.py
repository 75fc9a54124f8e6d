"""Resident surveys (问需于民, issue 17): the manifest and where each handler is installed.

Residents: ``/surveys`` or the menu button, then invitation/reminder/list buttons and the
answer buttons (``resident``). Organisers: ``/survey``, a YAML/CSV file (``organiser``), or
the chat builder and edits (``building``); staff: ``/paper``. The job ``surveys-tick``
invites, reminds and closes (``jobs``).
"""

from __future__ import annotations

import logging

from telegram.ext import CommandHandler, MessageHandler, filters

from bot.clock import SHANGHAI
from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.surveys import building, jobs, organiser, resident
from bot.features.surveys import service as surveys
from bot.features.surveys.buttons import (
    Back,
    Build,
    Card,
    Close,
    CrossTab,
    Done,
    Edit,
    EditPick,
    Export,
    NewSurvey,
    OpenSurvey,
    Paper,
    Pick,
    Preview,
    Publish,
    Reset,
    Results,
    Send,
    Skip,
    StartBuild,
)
from bot.manifest import Job, Manifest
from bot.tg.buttons import on
from bot.tg.forms import WaitingStep

log = logging.getLogger(__name__)

# Typed answers are looked at before the features of group 0 (free-text questions would
# otherwise answer them); the handler lets everything else through untouched. Its own group:
# in PTB only the first matching handler of a group runs, and the helpdesk's conversation
# relay (-10) must still see every other text.
TYPED_GROUP = -12
# An organiser's builder or edit waiting for text comes first (its own group, as above).
BUILDER_GROUP = -13
SURVEY_FILES = filters.Document.FileExtension("yaml") | filters.Document.FileExtension(
    "yml"
) | filters.Document.FileExtension("csv")  # fmt: skip

COMMANDS = [
    CommandSpec("surveys", "cmd-surveys"),
    CommandSpec("survey", "cmd-survey", role="organiser"),
    CommandSpec("paper", "cmd-paper", role="staff"),
]


async def tick(context: FrontdeskContext) -> None:
    """Every minute: invitations, the reminder and closings that are due."""
    try:
        await jobs.tick(context.runtime)
    except Exception:  # the next tick tries again; a failure must not stop the job
        log.exception("survey tick failed")


def install(app: FrontdeskApplication) -> None:
    private = filters.ChatType.PRIVATE
    app.add_handler(
        MessageHandler(private & filters.TEXT & ~filters.COMMAND, building.typed),
        group=BUILDER_GROUP,
    )
    app.add_handler(
        MessageHandler(private & filters.TEXT & ~filters.COMMAND, resident.typed),
        group=TYPED_GROUP,
    )
    app.add_handler(CommandHandler("surveys", resident.list_open, filters=private))
    app.add_handler(CommandHandler("survey", organiser.survey_command, filters=private))
    app.add_handler(CommandHandler("paper", organiser.paper_command, filters=private))
    app.add_handler(MessageHandler(private & SURVEY_FILES, organiser.upload))
    app.add_handlers(
        [
            on(OpenSurvey, resident.open_survey),
            on(Pick, resident.pick),
            on(Done, resident.done),
            on(Reset, resident.reset),
            on(Skip, resident.skip),
            on(Back, resident.back),
            on(Send, resident.send),
            on(NewSurvey, organiser.new_survey),
            on(StartBuild, building.start_build),
            on(Build, building.build_press),
            on(Edit, building.edit_menu),
            on(EditPick, building.edit_pick),
            on(Card, organiser.card),
            on(Preview, organiser.preview),
            on(Publish, organiser.publish),
            on(Results, organiser.show_results),
            on(CrossTab, organiser.crosstab),
            on(Export, organiser.export),
            on(Close, organiser.close),
            on(Paper, organiser.paper),
        ]
    )


MANIFEST = Manifest(
    name="surveys",
    install=install,
    commands=COMMANDS,
    buttons={
        NewSurvey: "organiser",
        StartBuild: "organiser",
        Build: "organiser",
        Edit: "organiser",
        EditPick: "organiser",
        Card: "organiser",
        Preview: "organiser",
        Publish: "organiser",
        Results: "organiser",
        CrossTab: "organiser",
        Export: "organiser",
        Close: "organiser",
        Paper: "staff",
    },
    menu_actions={"surveys": resident.list_open},
    privacy=lambda _runtime: [surveys.DATA_SECTION],
    # A declared interface: the organisers' daily digest shows open surveys' figures.
    digest=lambda: [jobs.OpenSurveysInDigest(SHANGHAI)],
    jobs=[Job("surveys-tick", tick, every=lambda _runtime: jobs.TICK_SECONDS)],
    prefetches=[resident.PREFETCH],
    # A survey waiting for typed text gives way to another form or to /ask (resumed by
    # /surveys or its menu button, where it stood).
    waiting_steps=[
        WaitingStep(
            resident.put_aside,
            "survey-put-aside",
            commands=frozenset({"surveys"}),
            menu_action="surveys",
        )
    ],
)
