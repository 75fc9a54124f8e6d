"""The README's first command: the offline sandbox, played from a script."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def sandbox(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The sandbox as `python3 dev.py sandbox` runs it, with a "production" database set in
    the environment as a deployed host's .env would."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("FRONTDESK_")},
        "FRONTDESK_TOKEN": "",
        "FRONTDESK_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'production' / 'prod.db'}",
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_sandbox_never_touches_the_configured_database(tmp_path: Path) -> None:
    """Without --db the sandbox uses a temporary database, deleted at the end; with --db it
    keeps that file. FRONTDESK_DATABASE_URL (.env on a server) is never opened."""
    script = tmp_path / "hello.txt"
    script.write_text("/start\n", encoding="utf-8")
    result = sandbox(tmp_path, "--script", str(script))
    assert result.returncode == 0, result.stderr
    assert "您好" in result.stdout
    assert not (tmp_path / "production").exists()
    kept = tmp_path / "mine" / "sandbox.db"
    result = sandbox(tmp_path, "--script", str(script), "--db", str(kept))
    assert result.returncode == 0, result.stderr
    assert kept.is_file()
    assert not (tmp_path / "production").exists()
    with closing(sqlite3.connect(kept)) as connection:
        assert connection.execute("SELECT count(*) FROM users").fetchone()[0] >= 1
    # A second run on the kept database goes on where the first ended (it crashed: the new
    # emulator's update ids started at 1 again, which the inbox had already handled).
    script.write_text("/start\n:as english\n/help\n", encoding="utf-8")
    again = sandbox(tmp_path, "--script", str(script), "--db", str(kept))
    assert again.returncode == 0, again.stderr[-2000:]
    assert "您好" in again.stdout
    assert "Opening hours" in again.stdout
    assert "Traceback" not in again.stderr


def test_demo_script_plays_offline_and_prints_the_transcript(tmp_path: Path) -> None:
    """`python -m bot --script docs/demo.txt` tours the main features offline in both languages."""
    result = sandbox(tmp_path, "--script", "docs/demo.txt")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Traceback" not in result.stderr
    assert "抱歉，刚才出了点问题" not in out  # no handler crashed along the way
    assert "Sorry, something went wrong" not in out
    # 王阿姨 in Chinese: greeting, hours in her words, a greeting answered, a question to staff
    assert "🤖 您好，王阿姨！" in out
    assert "社区卫生服务站 · 3月3日（周二）：08:00–11:30、13:30–16:30" in out
    assert "🙋 已为您接通工作人员（工单 #1）" in out
    assert "[→ 服务台 staff group] 🤖 🎤 [voice note]" in out
    assert "可以的，周六上午9点到12点，请提前一天到前台登记。\n— 李老师" in out
    assert "🖼 [photo]\n这是登记表\n— 李老师" in out
    assert "✅ 李老师 结束了工单 #1，已请居民评价。" in out
    assert "工作人员已结束工单 #1。问题解决了吗？" in out
    assert "👍 谢谢您的反馈，很高兴帮到您！" in out
    # staff: the course form, publishing, an event, a broadcast reaching both languages
    assert "-- you are now 李老师 (staff)" in out
    assert "工作人员命令" in out
    assert "状态：已发布 · 先到先得" in out
    assert "活动 #1 已创建" in out
    assert "[→ Alice (english)] 🤖 Spring night-school classes are open" in out
    # residents: sign-up, calendar file, event, feedback, waitlist offer in English
    assert "✅ 报名成功，您已获得名额！" in out
    assert "📎 course-1.ics" in out
    assert "✅ 您已报名。" in out
    assert "谢谢您！评价已经转给食堂。" in out
    assert "you are number 1 on the waitlist" in out
    assert "Full (1 seat); 1 on the waitlist" in out  # English plural
    assert "A place has become free on Calligraphy for beginners" in out
    # Alice in English: hours, small talk, subscriptions
    assert "Changfeng Bay gym · Sun 8 Mar: 08:00–22:00" in out
    assert "You're welcome!" in out
    # organiser and admin tools, privacy
    assert "评价数：1 · 平均 5.0 分" in out
    assert "已完成：Alice 现在是工作人员。" in out
    assert "frontdesk-my-data-2026-03-02.json" in out
    # the canteen's poster: the sandbox prints where it saved the PNG and the PDF
    saved = re.search(r"📎 poster-venue_canteen\.png \(\d+ bytes\) → (\S+)", out)
    assert saved is not None, out
    assert Path(saved.group(1)).read_bytes().startswith(b"\x89PNG")
    assert "📎 poster-venue_canteen.pdf" in out
    assert "您的信息已删除" in out


def test_the_sandbox_refuses_the_configured_database_named_by_db(tmp_path: Path) -> None:
    """``--db`` naming the database of FRONTDESK_DATABASE_URL (the production one on a server)
    is refused before anything is opened: the sandbox would lay its sample timetable there
    and make its staff persona an admin."""
    script = tmp_path / "hello.txt"
    script.write_text("/start\n", encoding="utf-8")
    result = sandbox(
        tmp_path, "--script", str(script), "--db", str(tmp_path / "production" / "prod.db")
    )
    assert result.returncode != 0
    assert "FRONTDESK_DATABASE_URL" in result.stderr
    assert "您好" not in result.stdout
    assert not (tmp_path / "production").exists()


def test_the_helpdesk_scripts_play_in_both_languages_with_and_without_a_staff_group(
    tmp_path: Path,
) -> None:
    """docs/helpdesk-demo.txt (a staff group) and docs/helpdesk-private.txt (--desk private):
    a staff member who is not an admin takes up forwarded messages; leaving "回复" mode with a
    command is said out loud; a conversation without a message for a day ends by itself;
    each in Chinese and in English."""
    result = sandbox(tmp_path, "--script", "docs/helpdesk-demo.txt")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Traceback" not in result.stderr
    assert "没看懂" not in out
    assert "didn't understand" not in out
    assert "✅ 已为 王阿姨 开了工单 #1，并已通知对方" in out
    assert "[→ 王阿姨 (resident)] 🤖 🙋 工作人员收到了您的消息“李老师" in out
    assert "✅ 已把这条消息加到 王阿姨 的工单 #1。" in out
    assert "✅ Ticket #2 is open for Alice, and they have been told" in out
    assert "Resident 55555 has not used this bot yet" in out
    assert "https://t.me/frontdesk_bot?start=ask" in out
    assert "💤 您和工作人员的对话（工单 #1）已经 24 小时没有新消息，已自动结束。" in out
    assert "👍 谢谢您的反馈，很高兴帮到您！" in out
    assert "💤 Your conversation with staff has had no new messages for 24 hours" in out
    assert "🤖 Changfeng Bay gym · Sun 8 Mar" in out
    assert "[→ Alice (english)] 🤖 💤 Ticket #2 has had no new messages for 24 hours" in out

    result = sandbox(tmp_path, "--desk", "private", "--script", "docs/helpdesk-private.txt")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Traceback" not in result.stderr
    assert "🤖 ↩️ 已退出对工单 #1（王阿姨）的回复" in out
    assert "🤖 ↩️ You are no longer answering ticket #1 (王阿姨)" in out
    assert "[→ 王阿姨 (resident)] 🤖 师傅几点到？" not in out
    assert "[→ 王阿姨 (resident)] 🤖 See you then" not in out
    assert "🤖 🎫 工单 #2 · Alice（语言：English）" in out  # the thread came to 小张's chat
    assert "[→ 小张 (helper)] 🤖 👤 Alice · 工单 #2\nIt's the side door" in out
    assert "[→ Sam (helper-en)] 🤖 💤 Ticket #1 had no new messages for 24 hours" in out


def test_button_answers_are_shown_as_toasts(tmp_path: Path) -> None:
    """A button's short answer (a toast on the phone, not a message) is printed in the
    transcript, so a newcomer trying the sandbox sees what a resident sees."""
    script = tmp_path / "toast.txt"
    script.write_text("/start\n/reminders\n1\n:as english\n/reminders\n2\n", encoding="utf-8")
    result = sandbox(tmp_path, "--script", str(script))
    assert result.returncode == 0, result.stderr
    assert "🤖 (💬 toast) 已保存。" in result.stdout
    assert "🤖 (💬 toast) Saved." in result.stdout
    assert result.stdout.count("(💬 toast)") == 2  # each answer once, not again at each look
