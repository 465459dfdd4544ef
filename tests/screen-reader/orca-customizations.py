# Loaded by Orca from the preferences folder the screen-reader test gives it (orca -u <dir>):
# every utterance Orca would speak is written, one JSON line each, to ORCA_SPEECH_LOG, and no
# speech server is started (no audio, nothing left running: Orca logs what it would say either
# way). Key echo is off (what the page says is under test, not the keys typed), and so is reading
# the whole page on load, which moves the browser's focus.
import json
import os
import time

import orca.settings as settings
import orca.speech as speech

settings.speechServerFactory = "no-speech-server"
settings.speechFactoryModules = []
settings.sayAllOnLoad = False
settings.pageSummaryOnLoad = False
settings.enableKeyEcho = False
settings.enableEchoByCharacter = False
settings.enableEchoByWord = False

_log = os.environ["ORCA_SPEECH_LOG"]
_speak = speech._speak


def _heard(text, acss, interrupt):
    with open(_log, "a", encoding="utf-8") as out:
        out.write(json.dumps({"t": time.time(), "text": text}, ensure_ascii=False) + "\n")
    return _speak(text, acss, interrupt)


speech._speak = _heard
