# 活动：列表、详情、报名，工作人员创建/修改/取消，给已报名者的通知

cmd-events = 近期活动
cmd-myevents = 我报名的活动
cmd-newevent = 创建活动
cmd-editevent = 修改或改期活动
cmd-cancelevent = 取消活动
events-list-title = <b>近期活动</b> — 点一个查看详情并报名：
events-none = 目前没有安排活动，请过几天再来看看！
events-button = { $when } · { $title }
events-button-joined = ✅ 已报名 · { $when } · { $title }
events-button-waitlisted = ⏳ 候补中 · { $when } · { $title }
events-button-offered = 🎉 待确认名额 · { $when } · { $title }
events-my-title = <b>🎉 我报名的活动</b>
events-my-line =
    <b>{ $title }</b>
    🕘 { $when } – { $end } · 📍 { $venue }
    { $status }
events-my-hint = 点下面的活动可以查看详情，也可以在那里取消报名。课程见 /myclasses。
events-my-empty = 您还没有报名近期的活动。发送 /events 看看有哪些活动；报名的课程见 /myclasses。
events-card =
    <b>{ $title }</b>
    🕘 { $when } – { $end }
    📍 { $venue }

    { $description }
events-seats-limited = 👥 名额：已报 { $taken } / 共 { $capacity }
events-seats-open = 👥 已报名 { $taken } 人（不限名额）
events-you-are-in = ✅ 您已报名。
events-status-cancelled = ❌ 本活动已取消。
events-status-past = 本活动已经开始。
events-status-ended = 本活动已经结束。
events-link-gone = 抱歉，这个活动已经结束或取消了，不能再报名。发送 /events 或点下方“🎉 活动”，看看近期还有哪些活动。
events-link-closed = 这个活动已经不能报名了。发送 /events 或点下方“🎉 活动”，看看近期还有哪些活动。
events-staff-line = 工作人员：活动 #{ $id } · /editevent { $id } · /cancelevent { $id }
events-btn-join = ✍️ 报名
events-btn-leave = ↩️ 取消报名
events-btn-ics = 📅 加入日历
events-joined = 报名成功！活动开始前我们会提醒您。
events-already = 您已经报过名了。
events-full = 抱歉，您这一行人数超过了本活动的全部名额。
events-closed = 本活动已不再接受报名。
events-left = 已取消报名。10 分钟内可以撤销。
events-not-in = 您没有报名这个活动。
events-ics-caption = 打开此文件即可把“{ $title }”加入日历。
events-ask-title-zh = 新建活动（随时发送 /cancel 停止）。请发送中文标题：
events-ask-title-en = 请发送英文标题：
events-ask-description-zh = 请发送中文介绍：
events-ask-description-en = 请发送英文介绍：
events-ask-venue = 在哪里？点下面的按钮，或发送地点名称：{ $venues }
# between venue names in the question above
events-venue-separator = 、
events-ask-start = 什么时候？例如“下周四晚上7点到8点半”“3月5日下午2点半”，也可以写 2026-03-05 14:30：
events-ask-end = 几点结束？例如“4点”“16:00”：
events-ask-capacity = 限多少人？例如“20人”，不限人数请发送“不限”：
events-created = 活动 #{ $id } 已创建，居民可在 /events 中看到。
events-conversation-cancelled = 已停止，未保存任何内容。
events-bad-time = 没看懂这个时间。请写日期和钟点，例如“下周四晚上7点到8点半”或 2026-03-05 14:30。
events-bad-title = 标题需为 1 到 100 个字，请重新发送。
events-bad-description = 介绍需为 1 到 1000 个字，请重新发送。
events-bad-venue = 没有这个地点，请发送上面列出的地点之一。
events-bad-capacity = 请发送人数（1 到 10000），例如“20人”；不限人数请发送“不限”。
events-zero-capacity = 名额不能是 0：请发送 1 到 10000 的人数，例如“20人”；不限人数请发送“不限”。
events-start-in-past = 开始时间必须在将来，请重新发送。
events-bad-end = 结束时间必须晚于开始时间（且在 7 天之内），请重新发送。
events-bad-field = 请发送上面所列项目的编号。
events-text-only = 请用文字回答（或发送 /cancel 停止）。
events-edit-usage = 请发送 /editevent 加活动编号，例如 /editevent 12。
events-edit-one-field = /editevent 后面只写活动编号或名称就行。请点下面要改的项，再发送新内容。
events-edit-choose =
    正在修改“{ $title }”。要改哪一项？点下面的按钮，或发送编号（或 /cancel）：
    1 中文标题 · 2 英文标题
    3 中文介绍 · 4 英文介绍
    5 地点 · 6 开始时间（改期） · 7 结束时间 · 8 名额 · 9 可带同伴人数
events-edit-saved =
    ✅ 已保存。{ $field }：{ $value }

    还要改“{ $title }”的哪一项？点下面的按钮或发送编号；改完了点“完成”。
    1 中文标题 · 2 英文标题
    3 中文介绍 · 4 英文介绍
    5 地点 · 6 开始时间（改期） · 7 结束时间 · 8 名额 · 9 可带同伴人数
events-edit-seats = 共 { $capacity } 人（已报名 { $taken } 人）
events-edit-seats-open = 不限（已报名 { $taken } 人）
events-btn-edit-done = ✔️ 完成
events-edit-done = 好的，改好了。居民在 /events 里看到的就是新的内容。
events-edit-stopped = 已停止。前面已保存的修改都有效，没写完的没有保存。
events-edit-ask-start = 现在定在{ $when }开始。请发送新的开始时间，例如“12月13日下午2点”或“2026-12-13 14:00”（时长不变）：
events-edit-ask-value = 请发送新的内容：
events-gone = 该活动无法修改（不存在、已取消或已开始）。
events-below-taken = 已经有 { $taken } 人报名，名额不能少于 { $taken }。请发送 { $taken } 到 10000 之间的人数，或发送“不限”。
events-cancel-usage = 请发送 /cancelevent 加活动编号，例如 /cancelevent 12。
events-cancel-confirm = 确定取消{ $when }的“{ $title }”吗？{ $who }
events-btn-cancel-confirm = ❌ 确定取消活动
events-cancel-done = 活动已取消。{ $who }
events-cancel-who = 将通知：已报名 { $signed } 人、候补 { $waiting } 人。
events-cancel-nobody = 目前没有人报名，不需要通知任何人。
events-btn-cancel-keep = 不取消
events-cancel-kept = 好的，活动照常进行，没有做任何改动。
events-moved-notice = 📢 “{ $title }”改时间了：原定{ $before }，改到{ $when }，在{ $venue }举行。您的名额保留；如不能参加，请发送 /events 取消报名。
events-relocated-notice = 📢 “{ $title }”换地方了：{ $when }改在{ $venue }举行（原在{ $before }）。您的名额保留；如不能参加，请发送 /events 取消报名。
events-move-confirm =
    将把“{ $title }”从{ $before }改到{ $after }，{ $count ->
        [0] 目前没有人报名，不需要通知任何人。
       *[other] 并通知{ $count }位报名的居民。
    }
    确认吗？
events-btn-move-confirm = ✅ 确认改期
events-btn-move-keep = 取消，不改
events-move-kept = 好的，时间没有改，也没有通知任何人。
events-move-done = 已改到{ $to }。{ $count ->
    [0] 目前没有人报名，不需要通知。
   *[other] 已通知{ $count }位报名的居民，提醒将按新的时间发送。
}
events-move-stale = 这份预览已经过时（活动时间已被改过）。请重新发送 /editevent。
events-move-same = 活动本来就是这个时间，请发送另一个时间。
events-cancelled-notice = 📢 抱歉，原定{ $when }在{ $venue }举行的“{ $title }”已取消。
events-preview-head = <b>预览</b>（还没有发布，居民看不到）
events-preview-foot = 确认无误请点“发布”。
events-venue-closed-then = ⚠️ 注意：{ $venue }{ $day }的开放时间是 { $hours }，这个活动有一段时间不在开放时间内。仍然可以发布，请确认到时有人开门。
events-venue-closed-day = ⚠️ 注意：{ $venue }{ $day }不开放。仍然可以发布，请确认到时有人开门。
# between opening hours in the warnings above
events-venue-hours-separator = 、
events-published-head = <b>已发布</b>（居民现在可以看到并报名）
events-preview =
    <b>{ $title_zh }</b> / <b>{ $title_en }</b>
    🕘 { $when } – { $end }
    📍 { $venue }
    👥 { $seats }
    ➕ { $companions }
    { $description_zh }
    { $description_en }
events-preview-seats = 限 { $capacity } 人
events-preview-no-limit = 不限人数
events-btn-publish = ✅ 发布
events-btn-drop = ✖️ 不发布
events-pick-edit = 要修改哪个活动？点一下（也可以发送 /editevent 加活动名称）：
events-pick-cancel = 要取消哪个活动？点一下（也可以发送 /cancelevent 加活动名称）：
events-pick-none = 目前没有即将举行的活动。
events-pick-no-match = 没有找到名称里有“{ $words }”的活动。
events-pick-line = { $title } · { $when }
events-pick-previous = ◀ 上一页
events-pick-next = 下一页 ▶
events-field-title-zh = 中文标题
events-field-title-en = 英文标题
events-field-description-zh = 中文介绍
events-field-description-en = 英文介绍
events-field-venue = 地点
events-field-start = 开始时间（改期）
events-field-end = 结束时间
events-field-capacity = 名额
events-card-full = ⛔ 名额已满（候补 { $waiting } 人），可以加入候补，有人退出时按顺序递补。
events-you-are-in-party = ✅ 您已报名（共 { $party } 人）。
events-mine-waitlisted = ⏳ 您在候补名单第 { $position } 位（{ $party } 人）。
events-mine-offered = 🎉 有名额递补给您（{ $party } 人），请在 { $deadline } 前确认。
events-btn-waitlist = ⏳ 加入候补
events-btn-companions = +{ $companions } 人同行
events-btn-leave-waitlist = ↩️ 退出候补
events-btn-accept = ✅ 接受名额
events-btn-decline = 放弃
events-btn-undo = ↩️ 撤销（10 分钟内有效）
events-btn-confirm-leave = 是的，取消
events-btn-keep = 不取消
events-leave-confirm = 确定要取消“{ $title }”的报名吗？10 分钟内可以撤销，但名额递补给候补的人后就无法撤销了。
events-leave-confirm-waitlist = 确定要退出“{ $title }”的候补吗？10 分钟内可以撤销，回到原来的位置。
events-waitlisted = 名额已满：您在候补名单第 { $position } 位，有名额时会通知您。
events-joined-party = 报名成功，共 { $party } 人！活动开始前我们会提醒您。
events-too-many = 抱歉，本活动每人最多只能带这么多同行者。
events-accepted = ✅ 已接受名额，活动见！
events-declined = 您已放弃名额，名额将递补给下一位候补。
events-not-yours = 这个名额不是给您的。
events-offer-gone = 这个名额已失效。
events-undone = ↩️ 已撤销，您回到了原来的位置。
events-undo-expired = 抱歉，取消已超过 10 分钟，无法撤销。需要的话请重新报名。
events-seat-gone = 抱歉，这个名额已经给了别人，无法撤销。您可以重新报名或加入候补。
events-offer = 🎉 { $when } 在{ $venue }举行的“{ $title }”有名额递补给您（{ $party } 人）。请在 { $deadline } 前确认，过时名额将让给下一位。
events-offer-expired = “{ $title }”的递补名额已过期，已让给下一位候补。
events-ask-companions = 每人报名时最多可以带几位同伴（家人、孙辈）？同伴也占名额。例如“2位”，只限本人请发送“不带”（最多 5 位）：
events-bad-companions = 请发送 0 到 5 之间的人数，例如“2位”；只限本人请发送“不带”。
events-field-companions = 可带同伴人数
events-preview-companions = 每人最多可带 { $count } 位同伴
events-preview-no-companions = 只限本人，不能带同伴
events-btn-relocate-confirm = ✅ 确认换地点
events-btn-relocate-keep = 取消，不换
events-relocate-kept = 好的，地点没有改，也没有通知任何人。
events-relocate-done = 已改在{ $to }举行。{ $count ->
    [0] 目前没有人报名，不需要通知。
   *[other] 已通知{ $count }位报名的居民。
}
events-relocate-stale = 这份预览已经过时（活动地点已被改过）。请重新发送 /editevent。
events-relocate-same = 活动本来就在这个地点，请发送另一个地点。
events-lift-confirm =
    将取消“{ $title }”的名额限制（现在限 { $capacity } 人）。{ $count ->
        [0] 目前没有人在候补。
       *[other] 候补名单上的 { $count } 位居民将获得名额，并会收到通知。
    }
    确认吗？
events-btn-lift-confirm = ✅ 确认不限名额
events-btn-lift-keep = 取消，不改
events-lift-done = 已改为不限名额。{ $count ->
    [0] 之前没有人在候补。
   *[other] 候补的 { $count } 位居民已获得名额，并已通知他们。
}
events-lift-kept = 好的，名额没有改，也没有通知任何人。
events-lift-stale = 这份预览已经过时（名额已被改过）。请重新发送 /editevent。
events-seated-notice = 🎉 { $when } 在{ $venue }举行的“{ $title }”不再限制名额，您已从候补转为正式报名{ $party ->
    [1] 。
   *[other] （共 { $party } 人）。
}活动开始前我们会提醒您；如不能参加，请发送 /events 取消报名。
