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
reminders-cant-done = 谢谢告知，已记下您不能参加。
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
