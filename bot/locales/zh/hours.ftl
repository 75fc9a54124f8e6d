# 开放时间：各场馆的开放情况、一周安排、工作人员设置的临时调整

cmd-hours = 各场馆开放时间
cmd-closure = 设置场馆临时关闭
cmd-special = 设置场馆特别开放时间
cmd-exceptions = 查看即将生效的临时调整
cmd-unexception = 撤销一条临时调整

hours-overview-title = 🕘 <b>开放时间</b> · { $date } { $time }
hours-overview-footer = 点下方场馆名称查看一周安排。
hours-open-now = 🟢 <b>{ $venue }</b> 开放中，{ $until } 关门
hours-open-now-soon = 🟢 <b>{ $venue }</b> 开放中，{ $until } 关门（还有{ $minutes }分钟）
hours-closed-now = 🔴 <b>{ $venue }</b> 现在关闭
hours-today-closed = { "   " }今天不开放{ $why }
hours-today = { "   " }今天 { $hours }
hours-closed-until = 🔴 <b>{ $venue }</b> 已关闭 · { $when } 开门
hours-closed-until-unsettled = 🔴 <b>{ $venue }</b> 已关闭 · 何时开门要等{ $year }年的放假安排公布
hours-next-open = 下次开放：{ $when }
hours-next-open-unsettled = 下次开放：要等{ $year }年的放假安排公布后才能确定。
hours-no-next = 近两周没有开放安排，请致电咨询。
hours-no-hours = 没有固定开放时间，请致电咨询。
hours-why = （{ $reason }）

hours-week-title = <b>{ $venue }</b> · 未来一周
hours-week-title-from = <b>{ $venue }</b> · { $date }起一周
hours-week-line = { $mark } { $date }：{ $hours }
hours-week-where = 📍 { $address }
hours-week-phone = ☎️ { $phone }
hours-week-back = « 返回全部场馆
hours-unknown-venue = 没有找到叫“{ $venue }”的场馆，下面是全部场馆的开放时间。

hours-day-answer = <b>{ $venue }</b> · { $date }：{ $hours }
hours-day-closed = 不开放
hours-statutory-closed = { $date }是{ $festival }（法定节假日），<b>{ $venue }</b>不开放。
hours-closed-run = 假期里<b>{ $venue }</b>从{ $first }到{ $last }都不开放。
hours-closed-run-statutory = { $festival }的法定假日里，<b>{ $venue }</b>从{ $first }到{ $last }都不开放；实际放假可能更长。
hours-unsettled-holiday = { $year }年的调休安排还没公布，前后几天的安排可能调整。
hours-unsettled = ⚠️ { $year }年的调休安排还没公布，节假日前后的安排可能调整。
hours-now-open = 现在开放中，{ $until } 关门。
hours-now-open-soon = 现在开放中，{ $until } 关门（还有{ $minutes }分钟）。
hours-now-open-overnight = 现在开放中（{ $night }晚间延长开放），{ $until } 关门。
hours-now-open-overnight-soon = 现在开放中（{ $night }晚间延长开放），{ $until } 关门（还有{ $minutes }分钟）。
hours-now-closed = 现在关闭。
hours-until-next-day = 次日{ $time }

hours-reason-holiday = { $festival }放假
hours-reason-holiday-open = { $festival }期间照常开放
hours-reason-makeup = { $festival }调休上班日，按{ $weekday }的时间开放
hours-reason-makeup-plain = 调休上班日，按{ $weekday }的时间开放
hours-reason-makeup-closed = 调休上班日，按{ $weekday }的安排，{ $weekday }这里休息
hours-reason-exception-closed = 临时关闭
hours-reason-exception-hours = 特别开放时间
hours-reason-weekly-closed = 每周例行休息

hours-interval = { $start }–{ $end }
hours-interval-overnight = { $start }–次日{ $end }
hours-interval-labelled = { $interval } { $label }
hours-label-breakfast = 早餐
hours-label-lunch = 午餐
hours-label-dinner = 晚餐
hours-interval-separator = 、

hours-when = { $date } { $time }
hours-when-today = 今天 { $time }
hours-when-tomorrow = 明天 { $time }

hours-festival-new_year = 元旦
hours-festival-spring_festival = 春节
hours-festival-tomb_sweeping = 清明节
hours-festival-labour_day = 劳动节
hours-festival-dragon_boat = 端午节
hours-festival-mid_autumn = 中秋节
hours-festival-national_day = 国庆节
hours-festival-other = 法定假日

hours-staff-unknown-venue = 没有这个场馆：{ $venue }。可选场馆：{ $venues }
hours-staff-bad-date = 看不懂日期“{ $text }”。可以写“明天”、“下周四”、“12月24日到26日”或 2026-12-03。
hours-staff-bad-hours = 看不懂时间“{ $text }”。可以写“上午9点到12点，下午2点到5点”或 09:00-12:00，多段用逗号隔开。
hours-staff-error-dates_reversed = 结束日期早于开始日期。
hours-staff-error-in_the_past = 这个日期已经过去了。
hours-staff-error-too_long = 一次最多设置一年。
hours-staff-dates-again = 请重新写一下日期，例如“12月24日到26日”。
hours-staff-error-reason_too_long = 原因太长了，请控制在200字以内。
hours-staff-error-unknown_venue = 没有这个场馆。
hours-staff-saved-closed = ✅ 已记录：<b>{ $venue }</b> { $range } 关闭{ $why }。（编号 #{ $id }）居民现在查询就能看到。
hours-staff-saved-hours = ✅ 已记录：<b>{ $venue }</b> { $range } 开放 { $hours }{ $why }。（编号 #{ $id }）居民现在查询就能看到。
hours-staff-range = { $start } 至 { $end }
hours-staff-list-title = <b>即将生效的临时调整</b>
hours-staff-list-empty = 目前没有临时调整。
hours-staff-list-closed = #{ $id } <b>{ $venue }</b> { $range } 关闭{ $why } · { $who } 设置
hours-staff-list-hours = #{ $id } <b>{ $venue }</b> { $range } { $hours }{ $why } · { $who } 设置
hours-staff-list-footer = 撤销：发送 /unexception，再点要撤销的一项
hours-staff-unexception-usage = 直接发送 /unexception 可以从列表里选，或者发送 /unexception 加编号。
hours-staff-removed = ✅ 已撤销 #{ $id }（{ $venue } { $range }）。
hours-staff-not-found = 没有找到有效的调整 #{ $id }（可能已经撤销）。
hours-someone = 工作人员
hours-day-overview-title = <b>{ $date } 各场馆开放时间</b>
hours-day-overview-line = { $venue }：{ $hours }
hours-days-overview-title = <b>{ $first }至{ $last } 各场馆开放时间</b>
hours-days-overview-venue = { $venue }：
hours-days-overview-part = { "  " }· { $days }：{ $hours }
hours-days-range = { $first }至{ $last }
hours-days-separator = 、
hours-venue-title = <b>{ $venue }</b>
hours-venue-notes = ℹ️ { $notes }
hours-venue-today = 🕘 今天：{ $hours }
hours-week-button = 📅 { $venue }一周安排
hours-staff-reason-only-en-missing = ℹ️ 原因只有中文，英文用户看到的是“{ $fallback }”。要写两种语言，请用竖线隔开，例如：设备检修 | maintenance
hours-staff-reason-only-zh-missing = ℹ️ 原因只有英文，中文用户看到的是“{ $fallback }”。要写两种语言，请用竖线隔开，例如：设备检修 | maintenance
hours-staff-pick-withdraw = 要撤销哪一项？点一下：
hours-staff-pick-line = #{ $id } { $venue } { $range }
hours-btn-pin = 📍 地图
hours-exc-ask-venue-closed = 要临时关闭哪个场馆？点一下，或者直接写名称（中英文都行）。发送 /cancel 可以放弃。
hours-exc-ask-venue-hours = 要调整哪个场馆的开放时间？点一下，或者直接写名称（中英文都行）。发送 /cancel 可以放弃。
hours-exc-ask-dates = <b>{ $venue }</b>：哪一天？可以写“明天”、“下周四”、“12月24日到26日”。
hours-exc-ask-hours = { $range }几点开放？例如“上午9点到12点，下午2点到5点”或 09:00-12:00。
hours-exc-ask-reason = 原因是什么？居民查询时会看到。中英文都写的话用竖线隔开，例如：设备检修 | maintenance。没有原因就点下面的按钮。
hours-exc-btn-no-reason = 不写原因
hours-exc-preview-closed =
    <b>请确认</b>
    <b>{ $venue }</b> { $range } 关闭
    { $reasons }
    确认后居民查询就能看到。
hours-exc-preview-hours =
    <b>请确认</b>
    <b>{ $venue }</b> { $range } 开放 { $hours }
    { $reasons }
    确认后居民查询就能看到。
hours-exc-readers =
    中文用户看到：{ $zh }
    英文用户看到：{ $en }
hours-exc-no-reason = 不写原因
hours-exc-overlap =
    ⚠️ 这几天已经有{ $count ->
        [1] 一条临时调整
       *[other] { $count }条临时调整
    }：
    { $existing }
    发布后，重叠的日子以这条新的为准；原来的不会删除（可用 /unexception 撤下）。确认发布，还是放弃？
hours-exc-overnight = ⚠️ { $hours } 跨过了午夜，要一直开到第二天。确实是开到次日的夜间开放，就点“确认发布”；如果是笔误（比如想写 9:00-18:00），请点“放弃”，再重新发送。
hours-exc-btn-confirm = ✅ 确认发布
hours-exc-btn-drop = ✖️ 放弃
hours-exc-dropped = 已放弃，什么都没有保存。
hours-exc-press-a-button = 请点下面的“确认发布”或“放弃”。
hours-exc-text-only = 请打字回答，或者点按钮。发送 /cancel 可以放弃。
hours-booked-title = ⚠️ 这段时间<b>{ $venue }</b>里已经排了：
hours-booked-class = · { $when } “{ $title }”（课程，已报名 { $count } 人）
hours-booked-event = · { $when } “{ $title }”（活动，已报名 { $count } 人）
hours-booked-ask = 要取消并通知报名的居民吗？已经换到别处的，点“保留”。
hours-btn-booked-cancel = ❌ 取消“{ $title }”{ $day }
hours-btn-booked-keep = ✔️ 保留
hours-btn-booked-cancel-all = ❌ 全部取消并通知
hours-btn-booked-keep-all = ✔️ 全部保留
hours-booked-cancelled = ❌ 已取消“{ $title }”（{ $when }），{ $count ->
        [0] 没有人报名，不用通知。
       *[other] 已通知 { $count } 人。
    }
hours-booked-kept = ✔️ 已保留“{ $title }”（{ $when }），没有通知任何人。如果换了地方，请记得告诉报名的居民。
hours-booked-gone = 这一项已经取消、开始或改了时间，没有再做改动。
hours-booked-closure-gone = 这条临时关闭已经撤销，课程和活动都没有改动。
hours-booked-none-left = 这里列出的都已经处理过了。
hours-booked-preview = ⚠️ 这段时间{ $venue }里已经排了 { $count } 项课程或活动。发布后会逐项列出，可以取消并通知报名的居民，也可以保留。
hours-unbooked-title = ⚠️ 这段时间里已经取消的课程和活动仍然是取消的，撤销关闭不会恢复它们，也不会再通知居民：
hours-unbooked-class = · { $when } “{ $title }”（课程）
hours-unbooked-event = · { $when } “{ $title }”（活动）
hours-unbooked-foot = 如果要照常进行，请重新安排（/newevent 或 /ns_session）并告诉报名的居民。
hours-booked-more = ……还有 { $count } 项没有列出，请用 /ns_session 或 /cancelevent 处理。
hours-withdraw-confirm =
    要撤销这一项吗？
    { $line }
    撤销后，{ $venue }这几天恢复原来的开放安排，居民查询马上就能看到。
hours-btn-withdraw-confirm = ✅ 确认撤销
hours-btn-withdraw-keep = 不撤销
hours-withdraw-kept = 好的，#{ $id } 保留，没有做任何改动。
