# 转人工：居民把问题转给工作人员，工作人员回复

cmd-ask = 把问题转给工作人员
cmd-questions = 查看待回复的居民问题
cmd-answer = 回复居民的问题

ask-sent = ✅ 已转给工作人员（问题编号 #{ $id }）。他们回复后，答复会出现在这里。
ask-feedback-thanks = 谢谢您告诉我们！🙏 您说的话会原样交给工作人员。
ask-draft-invalid = 这个按钮已经失效（问题可能已经转过了）。可以用 /ask 加上您的问题重新发送。
ask-error-empty = 请在 /ask 后面写上您的问题，例如：/ask 周末可以借用活动室吗？
ask-error-too_long = 问题太长了，请控制在1000字以内。
ask-error-answer_empty = 回复内容不能为空。
ask-error-answer_too_long = 回复太长了，请控制在2000字以内。
ask-error-not_found = 没有找到问题 #{ $id }。如果是工单，请在工单的话题里直接回复（/tickets 可查看）。
ask-error-already_answered = 问题 #{ $id } 已经有人回复过了。
ask-staff-notice =
    ❓ #{ $id } 来自 { $name } 的问题：
    { $text }
    直接回复这条消息即可作答，或发送 /answer { $id } 回复内容
ask-staff-notice-part =
    ❓ #{ $id } 来自 { $name } 的问题（共 { $parts } 段，第 { $part } 段）：
    { $text }
    直接回复这条消息即可作答，或发送 /answer { $id } 回复内容
ask-answer-to-resident =
    💬 您的问题 #{ $id } 有答复了
    问：{ $question }
    答：{ $answer }
    —— { $name }
ask-answer-saved = ✅ 已把答复发给 { $name }（问题 #{ $id }）。
ask-answer-usage = 用法：直接回复问题通知，或发送 <code>/answer 编号 回复内容</code>
ask-open-title = <b>待回复的问题</b>
ask-open-empty = 目前没有待回复的问题。居民开的对话（工单）请用 /tickets 查看。
ask-open-line = #{ $id } { $name }（{ $when }）：{ $text }
ask-open-footer = 点下面的按钮回复，或直接回复问题通知。
ask-pick-button = 回复 #{ $id }（{ $name }）
ask-pick-prompt = 请发送对 #{ $id } 的回复（发送 /cancel 取消）：
ask-pick-cancelled = 已取消，没有发送回复。

# The helpdesk (issue 15): a conversation with staff in a staff group's topic
cmd-done = 结束与工作人员的对话
cmd-tickets = 未结束的工单及等待时长
cmd-ban = 在工单话题里：屏蔽这位居民的消息
cmd-unban = 在工单话题里：解除屏蔽
menu-ask = 🙋 找工作人员

hd-opened =
    🙋 已为您接通工作人员（工单 #{ $id }）。
    请直接发送文字、语音、照片、视频、文件或位置，工作人员会在这里回复您。
    { $hours }
    在结束对话之前，您发的消息都会转给工作人员，中间用别的功能（比如看课程）也不会断开。说完了请发送 /done 或点下面的按钮结束对话。
hd-opened-with =
    🙋 已把您的消息转给工作人员（工单 #{ $id }），工作人员会在这里回复您。
    { $hours }
    可以继续发送文字、语音或照片，中间用别的功能也不会断开；说完了请发送 /done 或点下面的按钮结束对话。
hd-hours-open = 现在有工作人员在岗（今天到 { $until }），通常会很快回复。
hd-hours-closed = 工作人员现在不在岗，下次在岗时间：{ $when }，届时会回复您。
hd-hours-unknown = 工作人员会尽快回复您。
hd-button-leave = 结束对话
hd-leave-hint = 这条消息也已转给工作人员。如果您是想结束和工作人员的对话，请点下面的按钮，或发送 /done。
hd-left = 好的，对话已结束。工作人员的回复仍会发到这里；需要时再点“找工作人员”或发送 /ask。
hd-not-in-conversation = 您现在没有在和工作人员对话。需要时点“找工作人员”或发送 /ask。
hd-banned = 抱歉，您的消息暂时无法转交给工作人员。如有急事请拨打服务中心电话。
hd-closed-ask = 工作人员已结束工单 #{ $id }。问题解决了吗？
hd-solved-yes = 👍 解决了
hd-solved-no = 👎 没解决
hd-rated-yes = 👍 谢谢您的反馈，很高兴帮到您！
hd-rated-no = 👎 谢谢您的反馈，我们会改进。需要时可以发送 /ask 再找工作人员。
hd-rate-invalid = 这个按钮已经失效了（可能已经评价过）。
hd-age = { $hours } 小时 { $minutes } 分

hd-card =
    🎫 工单 #{ $id } · { $name }（语言：{ $language }）
    在本话题里直接回复即可发给居民（文字、照片、语音都可以）。
hd-button-claim = ✋ 认领
hd-button-close = ✅ 结束工单
hd-button-faq = 📚 常见问题回答
hd-sign-name = ✍️ 署名：个人
hd-sign-centre = ✍️ 署名：中心
hd-sign-now-name = 回复将署上您的名字。
hd-sign-now-centre = 回复将以中心的名义署名。
hd-claimed = ✋ { $name } 认领了工单 #{ $id }。
hd-claimed-toast = 已认领工单 #{ $id }。
hd-claim-invalid = 无法认领：工单已结束，或已经由您负责。
hd-closed-staff = ✅ { $name } 结束了工单 #{ $id }，已请居民评价。
hd-closed-toast = 工单 #{ $id } 已结束。
hd-close-invalid = 这个工单已经结束了。
hd-refused-closed = 这个工单已经结束，消息没有转给居民。
hd-faq-pick = 选择要发给居民的回答（工单 #{ $id }）：
hd-faq-none = 没有可用的常见问题回答。
hd-faq-sent = 已把回答发给居民。
hd-unreachable = ⚠️ 工单 #{ $id }：居民已屏蔽机器人，消息无法送达。
hd-unreachable-mark = （无法送达）
hd-escalated = ⏰ 工单 #{ $id }（{ $name }）已超过 { $minutes } 分钟（按开放时间计算）无人回复，请安排人处理。
hd-ban-usage = 请在居民的工单话题里使用 /ban 或 /unban。
hd-banned-staff = 🚫 已屏蔽工单 #{ $id } 的居民：其消息将被丢弃并记录，不再转交。
hd-banned-staff-already = 工单 #{ $id } 的居民已经被屏蔽了。
hd-unbanned-staff = 已解除对工单 #{ $id } 居民的屏蔽。
hd-unbanned-staff-already = 工单 #{ $id } 的居民没有被屏蔽。
hd-tickets-empty = 没有未结束的工单。
hd-tickets-title = <b>未结束的工单（{ $count }）</b>
hd-tickets-line = #{ $id } { $name } · { $status } · 负责人：{ $who } · 已等待 { $age }{ $unreachable }
hd-tickets-button = #{ $id } { $name }
hd-ticket-head = 🎫 工单 #{ $id } · { $name } · { $status } · 负责人：{ $who } · 已等待 { $age }{ $unreachable }
hd-ticket-said = 👤 { $text }
hd-ticket-said-media = [{ $kind ->
    [photo] 照片
    [voice] 语音
    [audio] 音频
    [video] 视频
    [video_note] 视频
    [document] 文件
    [location] 位置
    [contact] 联系人
    [sticker] 表情
   *[other] 附件
}]
hd-ticket-in-topic = 回复请到这个工单的话题里（点下面的“打开话题”）。
hd-ticket-in-private = 点“回复”后发送的内容会转给居民；也可以直接回复这个工单转来的任何一条消息。
hd-button-topic = 💬 打开话题
hd-status-open = 待认领
hd-status-claimed = 处理中
hd-status-waiting = 等居民回复
hd-status-closed = 已结束
hd-digest =
    <b>🙋 找工作人员</b>
    结束的工单：{ $closed }　问题解决了吗：👍 { $solved }　👎 { $unsolved }
ask-link-intro = 想问工作人员？请发送 /ask 加上您的问题，例如：/ask 周末可以借用活动室吗？工作人员会在这里回复您。
hd-too-long = 消息太长了，请控制在 { $limit } 字以内，或分几条发送。

# Without a staff group: each ticket is a thread in the on-duty staff members' private chats
hd-direct-card =
    🎫 工单 #{ $id } · { $name }（语言：{ $language }）
    居民的消息会转到这里。回复其中任意一条，或点“回复”后发送，都会发给居民（文字、照片、语音都可以）。
hd-direct-from = 👤 { $name } · 工单 #{ $id }
hd-direct-header = 👤 { $name } · 工单 #{ $id }：
hd-button-answer = ↩️ 回复
hd-button-ban = 🚫 屏蔽
hd-answer-prompt = ✍️ 现在发送的文字、照片、语音等都会发给 { $name }（工单 #{ $id }）。发送 /done 结束回复。
hd-answer-sent = ✅ 已发给 { $name }（工单 #{ $id }）。
hd-answer-ended = 好的，已结束对工单 #{ $id } 的回复。
hd-answer-ended-by-command = ↩️ 已退出对工单 #{ $id }（{ $name }）的回复：接下来发的消息不会再转给居民。要继续回复，请再点工单上的“↩️ 回复”，或直接回复居民转来的消息。

# Idle conversations end by themselves (FRONTDESK_HELPDESK__IDLE_CLOSE_HOURS)
hd-idle-closed =
    💤 您和工作人员的对话（工单 #{ $id }）已经 { $hours } 小时没有新消息，已自动结束。
    之后您发的消息由机器人直接回答；需要找工作人员时，随时点“找工作人员”或发送 /ask。
hd-idle-closed-left = 💤 工单 #{ $id } 已经 { $hours } 小时没有新消息，已自动结束。需要找工作人员时，随时点“找工作人员”或发送 /ask。
hd-idle-solved = 问题解决了吗？
hd-idle-paused =
    💤 您和工作人员的对话已经 { $hours } 小时没有新消息，先为您结束对话。
    工单 #{ $id } 里的问题工作人员仍会回复，回复会发到这里。在此之前，您发的消息由机器人直接回答；要接着和工作人员说，请发送 /ask。
hd-idle-closed-staff = 💤 工单 #{ $id } 已经 { $hours } 小时没有新消息，已自动结束。
hd-idle-paused-staff = 💤 工单 #{ $id } 已经 { $hours } 小时没有新消息，居民的对话已自动结束。居民的最后一条消息还没有回复，工单保持打开，您的回复仍会发给居民。

# A staff member (not an admin) forwards a resident's message to the bot
hd-forward-offer = ↪️ { $name } 现在没有在和工作人员对话。要用{ $count ->
        [1] 这条消息
       *[other] 这 { $count } 条消息
    }为对方开一个工单吗？对方会收到通知；之后您的回复经机器人发给对方，对方的回复也会转给工作人员。
hd-button-open-for = 📨 为 { $name } 开工单
hd-open-for-invalid = 这个按钮已经失效了（工单可能已经开好，或您之后转发了别人的消息）。请重新转发居民的消息。
hd-opened-for = ✅ 已为 { $name } 开了工单 #{ $id }，并已通知对方；对方之后发给机器人的消息也会转给工作人员。
hd-forward-has-ticket = ↪️ { $name } 已有未结束的工单 #{ $id }，可以直接处理：
hd-button-add-to = 📎 加到工单 #{ $id }
hd-forward-more = ↪️ 已收到 { $name } 的 { $count } 条消息，可以一起加到工单 #{ $id }：
hd-forward-added = ✅ 已把{ $count ->
        [1] 这条消息
       *[other] 这 { $count } 条消息
    }加到 { $name } 的工单 #{ $id }。
hd-forward-unknown = ↪️ { $name } 还没有用过本机器人，而机器人不能先给别人发消息（Telegram 的规定），所以没法为对方开工单。请把这个链接发给对方，点开就能直接找到工作人员：{ $link }
hd-forward-hidden = ↪️ { $name } 在转发设置里隐藏了账号，我无法确认是谁，所以没法为对方开工单。请把这个链接发给对方，点开就能直接找到工作人员：{ $link }
hd-forward-not-a-person = ↪️ 这条消息不是某位居民本人发的（来自群组、频道或机器人），没法用它开工单。如果有居民要找工作人员，请把这个链接发给对方，点开就能直接找到工作人员：{ $link }
hd-forward-not-kept = ↪️ 这种消息（投票、骰子等）没法转给工作人员。请转发居民的文字、语音、照片或文件。
hd-forward-blocked = ↪️ { $name } 已经屏蔽了本机器人，消息发不到对方那里，所以没法开工单。请用其他方式联系对方。
hd-forward-banned = ↪️ { $name } 已被屏蔽（/ban），消息不再转给工作人员，所以没法为对方开工单。
hd-forward-no-helpdesk = ↪️ 转发的消息在这里无法处理。请居民给机器人发送 /ask 加上问题（或点这个链接：{ $link }），工作人员会收到通知，用 /answer 回复。
hd-opened-by-staff =
    🙋 工作人员为您开了一个对话（工单 #{ $id }），会在这里回复您。
    在结束对话之前，您在这里发的消息都会转给工作人员；说完了请发送 /done 或点下面的按钮结束对话。
hd-opened-by-staff-about =
    🙋 工作人员收到了您的消息“{ $text }”，为您开了一个对话（工单 #{ $id }），会在这里回复您。
    在结束对话之前，您在这里发的消息都会转给工作人员；说完了请发送 /done 或点下面的按钮结束对话。
hd-emergency =
    🚑 <b>如果是急症，请马上拨打120！</b>
    您的消息已经转给工作人员，但工作人员不能代替120。
