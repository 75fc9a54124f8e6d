# 夜校:课程、报名、候补、名额递补、抽签、工作人员工具

ns-when = { $month }月{ $day }日({ $weekday }){ $time }
ns-weekday-0 = 周一
ns-weekday-1 = 周二
ns-weekday-2 = 周三
ns-weekday-3 = 周四
ns-weekday-4 = 周五
ns-weekday-5 = 周六
ns-weekday-6 = 周日
ns-fee = ¥{ $amount }
ns-fee-free = 免费
ns-btn-accept = ✅ 接受名额
ns-btn-decline = ❌ 放弃
ns-offer =
    🎉 <b>{ $title }</b> 空出了一个名额,现在递补给您。
    请在 <b>{ $deadline }</b> 之前选择接受或放弃;逾期名额将递补给下一位候补。
ns-offer-expired = ⌛ 为您保留的 <b>{ $title }</b> 名额已过期,已递补给下一位。您可以随时在 /classes 重新报名。
ns-course-cancelled = ⚠️ 很抱歉,课程 <b>{ $title }</b> 已取消。请在 /classes 查看其他课程。
ns-session-moved = 📅 <b>{ $title }</b> 有一次课调整了时间:{ $old } → <b>{ $new }</b>。
ns-lottery-won = 🎉 <b>{ $title }</b> 抽签结果:您已中签!上课时间见 /myclasses。(抽签种子:{ $seed })
ns-lottery-waitlisted = <b>{ $title }</b> 抽签结果:很遗憾这次没有中签,您已按抽签顺序进入候补名单。有名额空出时会通知您。候补位置见 /myclasses。(抽签种子:{ $seed })
cmd-classes = 夜校课程
cmd-myclasses = 我的课程
ns-list-title = <b>📚 夜校:正在报名的课程</b>
ns-list-line = • { $title } — { $seats }
ns-list-seats = 剩余 { $left } 个名额
ns-list-full = 已满,可候补
ns-list-lottery = 抽签
ns-list-empty = 目前没有正在报名的课程,请稍后再来看看。
ns-more-sessions = ……还有 { $count } 次课
ns-card =
    <b>{ $title }</b>
    { $description }
    👩‍🏫 老师:{ $teacher }
    📍 地点:{ $venue }
    💰 费用:{ $fee }
    🗓 上课时间(共 { $count } 次):
    { $sessions }
    📝 { $window }
    🪑 { $seats }
    { $mine }
ns-card-cancelled = ⚠️ <b>本课程已取消。</b>
ns-window-not-open = 报名将于 { $opens } 开始
ns-window-open = 报名截止:{ $closes }
ns-window-closed = 报名已截止
ns-seats-left = 共 { $capacity } 个名额,剩余 { $left } 个
ns-seats-full = 名额已满(共 { $capacity } 个),候补 { $waiting } 人
ns-seats-lottery = 抽签分配 { $capacity } 个名额,目前已有 { $applications } 人报名
ns-mine-enrolled = ✅ 您已报上这门课。
ns-mine-waitlisted = ⏳ 您在候补名单第 { $position } 位。
ns-mine-offered = 🎉 有名额递补给您,请在 { $deadline } 前确认。
ns-mine-applied = 🎟 您已报名抽签,报名截止后抽签。
ns-btn-join = ✍️ 报名
ns-btn-waitlist = ⏳ 加入候补
ns-btn-apply = 🎟 报名抽签
ns-btn-leave = 取消报名
ns-btn-leave-waitlist = 退出候补
ns-btn-withdraw = 撤回抽签报名
ns-btn-all = « 全部课程
ns-btn-ics = 📅 日历
ns-result-enrolled = ✅ 报名成功,您已获得名额!
ns-result-waitlisted = 名额已满:您在候补名单第 { $position } 位。
ns-result-applied = 🎟 已收到您的抽签报名,报名截止后抽签。
ns-result-already-enrolled = 您已经报上这门课了。
ns-result-already-waitlisted = 您已经在候补名单上了(第 { $position } 位)。
ns-result-already-offered = 已有名额递补给您,请在 { $deadline } 前确认。
ns-result-already-applied = 您已经报名这门课的抽签了。
ns-result-left = 已取消,您不再报名这门课。
ns-result-accepted = ✅ 已接受名额,课上见!
ns-result-declined = 您已放弃名额,名额将递补给下一位候补。
ns-result-not-found = 这门课已不存在。
ns-result-course-cancelled = 这门课已取消。
ns-result-not-open = 这门课还没开始报名。
ns-result-closed = 这门课的报名已截止。
ns-result-limit = 您同时报名(含候补)的课程已达上限。可以在 /myclasses 取消一门后再报。
ns-result-cutoff = 离第一次上课太近,无法在这里取消;请联系中心工作人员。
ns-result-not-yours = 这个名额不是给您的。
ns-result-offer-gone = 这个名额已失效。
ns-result-nothing = 您没有报名这门课。
ns-my-title = <b>📚 我的课程</b>
ns-my-empty = 您还没有报名任何课程。发送 /classes 查看正在报名的课程。
ns-my-line =
    <b>{ $title }</b>({ $venue })
    { $status }
    下次上课:{ $next }
ns-my-no-next = 暂无安排
ns-ics-caption = 您的上课时间:打开文件即可加入手机日历。
ns-ics-not-yours = 日历文件只提供给报名这门课的学员。
