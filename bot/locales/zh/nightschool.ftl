# 夜校：课程、报名、候补、名额递补、抽签、工作人员工具

ns-fee = ¥{ $amount }
ns-fee-free = 免费
ns-btn-accept = ✅ 接受名额
ns-btn-decline = ❌ 放弃
ns-offer =
    🎉 <b>{ $title }</b> 空出了一个名额，现在递补给您。
    请在 <b>{ $deadline }</b> 之前选择接受或放弃；逾期名额将递补给下一位候补。
ns-offer-expired = ⌛ 为您保留的 <b>{ $title }</b> 名额已过期，已递补给下一位。您可以随时在 /classes 重新报名。
ns-course-cancelled = ⚠️ 很抱歉，课程 <b>{ $title }</b> 已取消。请在 /classes 查看其他课程。
ns-session-moved = 📅 <b>{ $title }</b> 有一次课调整了时间：{ $old } → <b>{ $new }</b>。
ns-venue-moved = 📍 <b>{ $title }</b> 换了上课地点：{ $old } → <b>{ $new }</b>。以后的课都在新地点上，详见 /myclasses。
ns-lottery-won = 🎉 <b>{ $title }</b> 抽签结果：您已中签！上课时间见 /myclasses。（抽签种子：{ $seed }）
ns-lottery-waitlisted = <b>{ $title }</b> 抽签结果：很遗憾这次没有中签，您已按抽签顺序进入候补名单。有名额空出时会通知您。候补位置见 /myclasses。（抽签种子：{ $seed }）
cmd-classes = 课程报名（夜校和社区课程）
cmd-myclasses = 我的课程
ns-list-title = <b>📚 正在报名的课程</b>（夜校和社区课程）
ns-list-line = • { $title } — { $seats }
ns-list-seats = 剩余 { $left } 个名额
ns-list-full = 已满，可候补
ns-list-lottery = 抽签
ns-list-empty = 目前没有正在报名的课程，请稍后再来看看。
ns-more-sessions = ……还有 { $count } 次课
ns-card =
    <b>{ $title }</b>
    { $description }
    👩‍🏫 老师：{ $teacher }
    📍 地点：{ $venue }
    💰 费用：{ $fee }
    🗓 上课时间（共 { $count } 次）：
    { $sessions }
    📝 { $window }
    🪑 { $seats }
    { $mine }
ns-card-cancelled = ⚠️ <b>本课程已取消。</b>
ns-window-not-open = 报名将于 { $opens } 开始
ns-window-open = 报名截止：{ $closes }
ns-window-closed = 报名已截止
ns-seats-left = 共 { $capacity } 个名额，剩余 { $left } 个
ns-seats-full = 名额已满（共 { $capacity } 个），候补 { $waiting } 人
ns-seats-lottery = 抽签分配 { $capacity } 个名额，目前已有 { $applications } 人报名
ns-mine-enrolled = ✅ 您已报上这门课。
ns-mine-waitlisted = ⏳ 您在候补名单第 { $position } 位。
ns-mine-offered = 🎉 有名额递补给您，请在 { $deadline } 前确认。
ns-mine-applied = 🎟 您已报名抽签，报名截止后抽签。
ns-btn-join = ✍️ 报名
ns-btn-waitlist = ⏳ 加入候补
ns-btn-apply = 🎟 报名抽签
ns-btn-leave = 取消报名
ns-btn-leave-waitlist = 退出候补
ns-btn-withdraw = 撤回抽签报名
ns-btn-all = « 全部课程
ns-btn-ics = 📅 日历
ns-result-enrolled = ✅ 报名成功，您已获得名额！
ns-result-waitlisted = 名额已满：您在候补名单第 { $position } 位。
ns-result-applied = 🎟 已收到您的抽签报名，报名截止后抽签。
ns-result-already-enrolled = 您已经报上这门课了。
ns-result-already-waitlisted = 您已经在候补名单上了（第 { $position } 位）。
ns-result-already-offered = 已有名额递补给您，请在 { $deadline } 前确认。
ns-result-already-applied = 您已经报名这门课的抽签了。
ns-result-left = 已取消，您不再报名这门课。
ns-result-accepted = ✅ 已接受名额，课上见！
ns-result-declined = 您已放弃名额，名额将递补给下一位候补。
ns-result-not-found = 这门课已不存在。
ns-result-course-cancelled = 这门课已取消。
ns-result-not-open = 这门课还没开始报名。
ns-result-closed = 这门课的报名已截止。
ns-result-limit = 您同时报名（含候补）的课程已达上限。可以在 /myclasses 取消一门后再报。
ns-result-cutoff = 离第一次上课太近，无法在这里取消；请联系中心工作人员。
ns-cutoff-note = ⚠️ 按规定，第一次课开始前 { $hours } 小时内（以及开课以后）不能在网上取消报名。要取消或请假，请点下面的“🙋 找工作人员”告诉我们。
ns-btn-ask-staff = 🙋 找工作人员
ns-ask-staff-fallback = 请到中心服务窗口或打电话告诉工作人员，他们会帮您取消。
ns-result-not-yours = 这个名额不是给您的。
ns-result-offer-gone = 这个名额已失效。
ns-result-nothing = 您没有报名这门课。
ns-my-title = <b>📚 我的课程</b>
ns-my-empty = 您还没有报名任何课程。发送 /classes 查看正在报名的课程；报名的活动见 /myevents。
ns-my-line =
    <b>{ $title }</b>（{ $venue }）
    { $status }
    下次上课：{ $next }
ns-my-events = 报名的活动见 /myevents。
ns-my-no-next = 暂无安排
ns-my-next-waitlisted = { $next }（您还在候补，有了名额才能来上课，到时我们会通知您）
ns-my-next-offered = { $next }（请先确认递补的名额，才能来上课）
ns-my-next-applied = { $next }（抽中后才能来上课，抽签结果会通知您）
ns-my-leave = 🙅 已请假：{ $when }
ns-my-venue-closed = ⚠️ 当天该场地不开放，这次课可能取消，请留意通知。
ns-ics-caption = 您的上课时间：打开文件即可加入手机日历。
ns-ics-not-yours = 日历文件只提供给报名这门课的学员。
cmd-ns-new = 新建课程
cmd-ns-courses = 全部课程
cmd-ns-import = 导入学期课程文件
cmd-ns-edit = 修改课程
ns-new-intro = 开始新建课程。请逐项回答；随时发送 /cancel 可以停止。
ns-new-step = <b>第 { $number } 步，共 { $total } 步</b>
ns-ask-title-zh = 中文课程名称（最多 80 字）：
ns-ask-title-en = 英文课程名称：
ns-ask-description-zh = 中文课程介绍（最多 1000 字）：
ns-ask-description-en = 英文课程介绍：
ns-ask-teacher = 授课老师姓名：
ns-ask-venue = 在哪里上课？点下面的按钮，或发送地点名称（{ $known }）：
ns-ask-fee = 收费多少？例如“30元”“12.5”，不收费就写“免费”：
ns-ask-capacity = 招多少人？例如“20人”（1–5000）：
ns-ask-mode = 名额怎么分配？点“先到先得”或“抽签”：
ns-ask-first-date = 第一次什么时候上课？例如“下周四晚上7点到8点半”“每周二 19:00-20:30”，之后每周同一天上课：
ns-ask-time = 几点到几点上课？例如“晚上7点到8点半”或 19:00-20:30：
ns-ask-weeks = 一共上几周？例如“10周”（1–52），法定节假日自动顺延：
ns-ask-opens = 什么时候开始报名？例如“现在”“明天上午9点”“下周一 09:00”：
ns-ask-closes = 什么时候截止报名？例如“下周二晚上8点”（须早于第一次上课）：
# "none": no such days (the other part is then shown alone)
ns-new-holidays = { $skipped ->
        [none] 没有遇到节假日。
       *[other] 已跳过的节假日：{ $skipped }。
    }{ $unknown ->
        [none] {""}
       *[other] 尚无官方节假日安排的日期（请核对）：{ $unknown }。
    }
ns-new-preview = <b>预览</b>：已保存为草稿，发布后居民才能看到。
ns-cancelled-conversation = 已停止，没有保存任何内容。
ns-err-need-text = 请用文字回答。
ns-err-empty = 不能为空。
ns-err-one-line = 请写在一行内。
ns-err-too-long = 太长了（最多 { $limit } 字）。
ns-err-number = 请发送 { $low } 到 { $high } 之间的整数。
ns-err-fee = 请发送金额，例如“30元”“12.5”，不收费写“免费”（最多 100000 元）。
ns-err-mode = 请点“先到先得”或“抽签”。
# between venue names in the venue question and its error
ns-venue-separator = 、
ns-err-venue = 没有这个地点。可选地点：{ $known }。
ns-err-date = 没看懂这个日期，请写例如“下周三”“每周三”或 YYYY-MM-DD 格式的日期。
ns-err-first-class-past = 第一次上课的时间已经过去了，请写以后的日期，例如“下周三”或“每周三”。
ns-err-time = 请发送时间，例如 19:00。
ns-err-time-range = 请写开始和结束时间，例如“晚上7点到8点半”或 19:00-20:30（结束须晚于开始）。
ns-err-moment = 没看懂这个时间，请写例如“明天上午9点”或 YYYY-MM-DD HH:MM 格式。
ns-err-window = 报名截止时间须晚于开始时间。
ns-err-closes-after-start = 报名须在第一次上课前截止。
ns-err-unknown-column = 未知的列
ns-import-ask = 请以文件形式发送学期课程表：YAML 或 CSV，不超过 512 KB、200 门课，列为 title_zh, title_en, description_zh, description_en, teacher, venue, fee, capacity, mode, first_date, time, weeks, opens, closes。发送 /cancel 停止。
ns-import-unreadable = 无法读取这个文件。请发送 UTF-8 编码的 YAML 或 CSV 文件（列见上），或发送 /cancel。
ns-import-problems = 未导入任何课程：有 { $count } 处问题需要先修改。
ns-import-problem = 第 { $row } 行，{ $field }：{ $problem }
ns-import-done = 已导入 { $count } 门课程（草稿）。请在各课程卡片上发布。
ns-staff-none = 还没有课程。可用 /ns_new 新建，或用 /ns_import 导入学期课程。
ns-staff-title = <b>全部课程</b>（最新在前）：
ns-staff-course-button = #{ $id } { $title } · { $status }
ns-status-draft = 草稿
ns-status-published = 已发布
ns-status-cancelled = 已取消
ns-mode-fcfs = 先到先得
ns-mode-lottery = 抽签
ns-staff-card =
    <b>#{ $id } { $title_zh } / { $title_en }</b>
    状态：{ $status } · { $mode }
    老师：{ $teacher } · 地点：{ $venue } · 费用：{ $fee }
    名额：已占 { $taken }/{ $capacity } · 候补 { $waiting } · 抽签报名 { $applications }
    报名时间：{ $opens } – { $closes }
ns-staff-card-seed = 抽签种子：{ $seed }
ns-staff-card-not-drawn = 抽签种子：尚未抽签
ns-staff-card-sessions =
    上课时间：
    { $sessions }
ns-btn-publish = 📣 发布
ns-btn-roster = 👥 名单
ns-btn-xlsx = Excel
ns-btn-csv = CSV
ns-btn-attendance = ✅ 考勤
ns-btn-draw = 🎲 抽签
ns-btn-cancel-course = ⚠️ 取消课程
ns-btn-confirm-cancel = 确定取消，并通知所有人
ns-confirm-cancel = 确定取消这门课吗？已报名、递补中、候补和抽签报名的居民都会收到通知。
ns-published = 已发布。
ns-not-draft = 这门课不是草稿。
ns-already-cancelled = 这门课已经取消了。
ns-course-cancelled-staff = 课程已取消，将通知 { $count } 人。
ns-draw-not-found = 这门课无法抽签（未发布）。
ns-draw-not-lottery = 这门课是先到先得。
ns-draw-not-closed = 报名尚未截止，请截止后再抽签。
ns-draw-already-drawn = 这门课已经抽过签了。
ns-drawn = 🎲 抽签完成：{ $applications } 人报名，{ $winners } 个名额。种子：<code>{ $seed }</code>（已记录，可据此复核抽签）。
ns-roster-empty = 还没有人报名。
ns-roster-title = <b>名单</b>（共 { $count } 人）：
ns-roster-line = { $status } { $position } { $name } · { $when }
ns-roster-leave = （🙅 请假：{ $days }）
ns-roster-leave-separator = 、
ns-roster-more = ……还有 { $count } 人（见 Excel 文件）。
ns-state-enrolled = ✅
ns-state-offered = 🎁
ns-state-waitlisted = ⏳
ns-state-applied = 🎟
ns-file-caption = 名单文件。
ns-attendance-choose = 哪一次课？
ns-attendance-title = { $when } 考勤：{ $present }/{ $total } 人到。点姓名可切换。
ns-attendance-leave = 🙅 { $name }（请假）
ns-attendance-leaves = 🙅 表示学员已通过提醒请假（共 { $count } 人）。
ns-edit-usage = 用法：<code>/ns_edit 课程编号 要改的项 新内容</code>，例如 <code>/ns_edit 3 费用 免费</code>；可以改：{ $fields }。课程编号见下面的课程列表。

## 工作人员调整课次和名额（在文案润色之后追加）
cmd-ns-session = 调课、停课或加课
ns-session-cancelled = ❌ <b>{ $title }</b> { $when } 的课取消了。其他课次不变（见 /myclasses）。
ns-session-added = ➕ <b>{ $title }</b> 新增一次课：<b>{ $when }</b>。
ns-session-cancelled-mark = <s>{ $when }</s>（已取消）
ns-staff-session-line = 第{ $number }节 { $when }
ns-staff-session-cancelled = 第{ $number }节 <s>{ $when }</s>（已取消）
ns-btn-sessions = 🗓 课次
ns-btn-cancel-session = ❌ { $when }
ns-btn-confirm-cancel-session = 确认取消这次课并通知大家
ns-confirm-cancel-session = 取消 { $when } 的课吗？课程上的所有人（已报名、收到名额、候补、抽签申请）都会收到通知。
ns-sessions-staff =
    <b>课程 #{ $id } 的课次</b>（第几节按日期排，见课程卡片）。点下面的按钮取消某次课，或者：
    /ns_session { $id } move &lt;第几节&gt; &lt;日期&gt; &lt;开始-结束&gt;，例如 /ns_session { $id } move 2 2026-03-19 19:00-20:30
    /ns_session { $id } add &lt;日期&gt; &lt;开始-结束&gt;
    /ns_session { $id } cancel &lt;第几节&gt;
ns-session-usage = 用法：/ns_session &lt;课程编号&gt; move &lt;第几节&gt; &lt;日期&gt; &lt;开始-结束&gt; · /ns_session &lt;课程编号&gt; cancel &lt;第几节&gt; · /ns_session &lt;课程编号&gt; add &lt;日期&gt; &lt;开始-结束&gt;。日期如 2026-03-19，时间如 19:00-20:30；第几节见课程卡片（/ns_courses）。直接发送 /ns_session 可以从按钮里选课程和课次。
ns-session-moved-staff = 已调到 { $when }；将通知 { $count } 人。
ns-venue-moved-staff = 地点已更改；将通知 { $count } 人。
ns-session-added-staff = 已新增 { $when } 的课；将通知 { $count } 人。
ns-session-cancelled-staff = 这次课已取消；将通知 { $count } 人。
ns-course-kept = 好的，「{ $title }」照常开课，没有取消。
ns-session-kept = 好的，{ $when } 的课照常上，没有取消。
ns-capacity-changed = 名额已从 { $old } 改为 { $new }；已向候补发出 { $offers } 个名额。
ns-refused-not-found = 这门课已不存在。
ns-refused-course-cancelled = 这门课已取消，课次不能再改。
ns-refused-no-session = 这门课没有这一节（第几节见课程卡片）。
ns-refused-session-cancelled = 这次课已经取消了。
ns-refused-started = 这次课已经开始或结束，不能再改。
ns-refused-order = 下课时间必须晚于上课时间，一次课最长 12 小时。
ns-refused-range = 新时间必须在将来，且在两年之内。
ns-refused-duplicate = 这个时间已经有一次课了。
ns-refused-too-many = 一门课最多 { $limit } 次课。
ns-refused-below-held = 做不到：已有 { $enrolled } 人报名、{ $offered } 人有待确认的名额，名额不能少于这个数。等有人退出后再减，或取消课程。
ns-mode-choice-fcfs = 先到先得
ns-mode-choice-lottery = 抽签
ns-field-title-zh = 中文名称
ns-field-title-en = 英文名称
ns-field-description-zh = 中文介绍
ns-field-description-en = 英文介绍
ns-field-teacher = 老师
ns-field-venue = 地点
ns-field-fee = 费用
ns-field-capacity = 名额
ns-leave-confirm = 确定要取消《{ $title }》吗？取消后 10 分钟内可以撤销，但名额递补给候补的人后就无法撤销了。
ns-leave-confirm-waitlist = 确定要退出《{ $title }》的候补吗？10 分钟内可以撤销，回到原来的位置。
ns-btn-confirm-leave = 是的，取消
ns-btn-keep = 不取消
ns-btn-undo = ↩️ 撤销（10 分钟内有效）
ns-result-undone = ↩️ 已撤销，您回到了原来的位置。
ns-result-undo-expired = 抱歉，取消已超过 10 分钟，无法撤销。需要的话请重新报名。
ns-result-seat-gone = 抱歉，这个名额已经给了别人，无法撤销。您可以重新报名或加入候补。
ns-left-seat-passed-on = 您的名额已经给了候补的下一位，所以不能撤销；需要的话可以重新报名或加入候补。
ns-edit-pick-course = 要修改哪门课？点一下（也可以发送 /ns_edit 加课程名称）：
ns-edit-pick-field = 要改“{ $title }”的哪一项？点一下：
ns-edit-ask-value = 新的{ $field }：
ns-session-pick-course = 要调整哪门课的课次？点一下（也可以发送 /ns_session 加课程名称）：
ns-session-pick-session = 「{ $title }」接下来的课次。点一节课可以改时间或停课，也可以加一节：
ns-session-pick-none = 「{ $title }」后面没有安排课次了。可以加一节：
ns-btn-session-add = ➕ 加一节课
ns-session-pick-action = { $when } 这节课要怎么调整？
ns-btn-session-move = 🕘 改时间
ns-btn-session-cancel = ❌ 停这节课
ns-session-ask-move = 「{ $when }」这节课改到哪天几点？直接说就行，例如：下周四晚上7点到8点半，或 2026-03-20 19:00-20:30；只说日期，就还是原来的钟点。发送 /cancel 放弃。
ns-session-ask-add = 新的一节课在哪天几点？直接说就行，例如：3月20日晚上7点到8点半，或 2026-03-20 19:00-20:30；只说日期，就和最近一节课同样的钟点。发送 /cancel 放弃。
ns-session-ask-again = 没看懂是哪一天。请说出日期，可以带上钟点，例如：下周四晚上7点到8点半、3月20日，或 2026-03-20 19:00-20:30。发送 /cancel 放弃。
ns-session-read-as = （您说的时间我理解为：{ $when }–{ $ends }。不对的话，请换个说法再发一次。）
ns-session-dropped = 好的，课次没有改动。
