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
