# 转人工:居民把问题转给工作人员,工作人员回复

cmd-ask = 把问题转给工作人员
cmd-questions = 查看待回复的居民问题
cmd-answer = 回复居民的问题

ask-sent = ✅ 已转给工作人员（问题编号 #{ $id }）。他们回复后，答复会出现在这里。
ask-draft-invalid = 这个按钮已经失效（问题可能已经转过了）。可以用 /ask 加上您的问题重新发送。
ask-error-empty = 请在 /ask 后面写上您的问题，例如：/ask 周末可以借用活动室吗？
ask-error-too_long = 问题太长了，请控制在1000字以内。
ask-error-answer_empty = 回复内容不能为空。
ask-error-answer_too_long = 回复太长了，请控制在2000字以内。
ask-error-not_found = 没有找到问题 #{ $id }。
ask-error-already_answered = 问题 #{ $id } 已经有人回复过了。
ask-staff-notice =
    ❓ #{ $id } 来自 { $name } 的问题：
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
ask-open-empty = 目前没有待回复的问题。
ask-open-line = #{ $id } { $name }（{ $when }）：{ $text }
ask-open-footer = 回复：<code>/answer 编号 回复内容</code>
ask-link-intro = 想问工作人员？请发送 /ask 加上您的问题，例如：/ask 周末可以借用活动室吗？工作人员会在这里回复您。
