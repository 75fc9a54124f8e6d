# 活动和课程开始前的提醒，以及 /reminders 设置

cmd-reminders = 提醒设置
reminder-text =
    ⏰ <b>提醒</b>（{ $lead }）：<b>{ $title }</b>
    🕘 { $when }
    📍 { $venue }
reminder-lead-eve = 明天
reminder-lead-1440 = 一天后
reminder-lead-180 = 3 小时后
reminder-lead-60 = 1 小时后
# a reminder going out late (after downtime), for an item later the same day
reminder-lead-today = 今天
reminder-lead-30 = 30 分钟后
reminder-cant-come = 🙅 我来不了
reminders-cant-absence = ✅ 好的，已记下您{ $when }这次不来（请假）。名额为您保留，之后的课照常。10 分钟内可以撤销。
reminders-cant-withdrawn = ✅ 好的，已为您取消这次活动的报名，名额会让给其他居民。10 分钟内可以撤销。
reminders-btn-undo = ↩️ 撤销（10 分钟内有效）
reminders-undone = ↩️ 已撤销，您照常参加。
reminders-undo-expired = 抱歉，已超过 10 分钟，无法撤销。需要的话请重新报名，或联系工作人员。
reminders-undo-seat-gone = 抱歉，名额已经让给了别人，无法撤销。您可以重新报名或排候补。
reminders-cant-not-expected = 您已不在报名名单中。
reminders-cant-stale = 这条提醒已过时（时间有变或已取消）。
reminders-settings =
    <b>您的提醒</b>：{ $current }
    点选项即可开启或关闭。
reminders-current-off = 已关闭
# between the chosen lead times in "您的提醒：…"
reminders-list-separator = 、
reminders-choice-eve = 前一天晚上（{ $hour }:00）
reminders-choice-1440 = 提前一天
reminders-choice-180 = 提前 3 小时
reminders-choice-60 = 提前 1 小时
reminders-choice-30 = 提前 30 分钟
reminders-btn-off = 🔕 不要提醒
reminders-btn-defaults = ↺ 默认
reminders-saved = 已保存。
