# 食堂评价：居民评价流程、工作人员提醒和回复、组织者每日汇总

cmd-feedback = 评价今天的食堂饭菜
cmd-cancel = 取消当前操作
cmd-digest = 食堂评价汇总（日期或区间）
cmd-export = 导出食堂评价（Excel 和 CSV）
cmd-digestsettings = 我的每日汇总：时间、开关

feedback-meal-breakfast = 早餐
feedback-meal-lunch = 午餐
feedback-meal-dinner = 晚餐
feedback-meal-selected = ✅ { $meal }
feedback-meal-already = 已经选了{ $meal }，请点星星打分。

feedback-tag-taste = 口味
feedback-tag-price = 价格
feedback-tag-portion = 分量
feedback-tag-hygiene = 卫生
feedback-tag-service = 服务
feedback-tag-waiting = 排队时间
feedback-tag-variety = 品种
feedback-tag-selected = ✅ { $label }

feedback-star-1 = ★☆☆☆☆  1 · 很差
feedback-star-2 = ★★☆☆☆  2 · 较差
feedback-star-3 = ★★★☆☆  3 · 一般
feedback-star-4 = ★★★★☆  4 · 不错
feedback-star-5 = ★★★★★  5 · 很好

feedback-start =
    🍚 <b>今天的{ $meal }怎么样？</b>
    请点星星打分。（评价别的餐次？点第一行换一下。）
feedback-start-day =
    🍚 <b>{ $day }的{ $meal }怎么样？</b>
    今天食堂不开门，这次评价的是最近开门那天的饭菜。请点星星打分。（评价别的餐次？点第一行换一下。）
feedback-start-words = 您刚才说的话已经写进评语：「{ $comment }」（打完分可以改）
feedback-stars-waiting-words = 这一步还在等您点星星打分（1–5 星）。您的话已经写进评语：「{ $comment }」（还有要说的可以接着发，会接在后面；打完分可以改）
feedback-stars-waiting-asked = 「{ $asked }」像是在问问题，所以没有写进评语。想问这个问题，请先点“取消”再问我；如果这是评语，请点“写进评语”。这一步还在等您点星星打分（1–5 星）。
feedback-tags-prompt =
    { $meal }：{ $stars }，谢谢您！
    哪些方面印象深？可以选几个标签，然后点<b>下一步</b>。
    也可以直接打字写评语。
feedback-comment-prompt = 要写几句评语吗？直接打字（{ $limit } 字以内），或点<b>跳过</b>。
feedback-comment-prompt-kept =
    评语：「{ $comment }」
    要改的话，直接打字发新的评语（{ $limit } 字以内）；不改的话，请点“就用这段”。
feedback-comment-too-long = 不好意思，评语稍长了一点：请控制在 { $limit } 字以内（现在是 { $length } 字）。麻烦您精简一下再发一次。
feedback-comment-cut = 您的评语比较长（{ $length } 字），我先保留了前 { $limit } 字。
feedback-comment-expected = 请用文字写评语，或点<b>跳过</b>。
feedback-comment-expected-kept = 请用文字写新的评语，或点<b>就用这段</b>。
feedback-photos-prompt = 可以发最多 { $limit } 张照片（可选）。不发照片，就点<b>不加照片，下一步</b>。
feedback-photo-added = 已收到第 { $count } 张照片（最多 { $limit } 张）。可以继续发；发完了点<b>照片发完了，下一步</b>。
feedback-photos-full = 已经 { $limit } 张照片了，我们继续下一步。
feedback-photos-expected = 这一步只收照片。不发照片，就点<b>不加照片，下一步</b>。
feedback-photos-expected-some = 这一步只收照片。发完了，就点<b>照片发完了，下一步</b>。
feedback-anon-prompt = 这条评价要让食堂看到您的名字吗？
feedback-summary =
    <b>请看一下您的评价，没问题就点“{ $confirm }”：</b>
    哪一顿：{ $day }的{ $meal }
    打分：{ $stars }
    标签：{ $tags }
    评语：{ $comment }
    照片：{ $photos ->
        [0] 没有
       *[other] { $photos } 张
    }
    { $anonymous ->
        [yes] 不让食堂看到您的名字（匿名）
       *[no] 让食堂看到您的名字
    }
feedback-summary-none = 无
feedback-summary-replaces = 提示：这条会替换您今天对{ $meal }的上一条评价。
feedback-thanks = 谢谢您！评价已经转给食堂。🙏
feedback-thanks-updated = 谢谢您！已更新您今天对这一餐的评价。🙏
feedback-thanks-low = 很抱歉这顿饭让您不满意。食堂已经收到提醒，可能会在这里回复您。
feedback-saved-on-leaving = ✅ 您刚才的评价已经提交了（{ $photos ->
        [0] 没有附照片
       *[other] 附了 { $photos } 张照片
    }，{ $anonymous ->
        [yes] 没有显示名字
       *[no] 显示了您的名字
    }）。谢谢您！🙏
feedback-saved-on-leaving-updated = ✅ 您刚才的评价已经提交了，替换了您今天对这一餐的上一条评价（{ $photos ->
        [0] 没有附照片
       *[other] 附了 { $photos } 张照片
    }，{ $anonymous ->
        [yes] 没有显示名字
       *[no] 显示了您的名字
    }）。谢谢您！🙏
feedback-help-rating = 这一步是给这顿饭打分：点一下下面的星星就行。五颗星（★★★★★）是很好，一颗星（★☆☆☆☆）是很差。要评别的一顿，先点第一行的早餐、午餐或晚餐。
feedback-help-tags = 这一步可以选几个标签，说说哪些方面印象深：点一下打勾，再点一下去掉。选好了（或者不想选），点“{ $next }”。想写几句话，也可以直接打字发给我。
feedback-help-comment = 这一步可以写几句评语：直接打字发给我就行。不想写，点“{ $skip }”；已经有评语又不想改，点“{ $keep_comment }”。
feedback-help-photos = 这一步可以发照片（不发也可以）：点输入框旁边的 📎（回形针），选一张照片发给我。不发照片，点“{ $no_photos }”；照片发完了，点“{ $photos_done }”。
feedback-help-anonymity = 这一步问您：要不要让食堂看到您的名字？要，就点“{ $show_name }”；不要，就点“{ $anonymous }”。
feedback-help-confirm = 这一步请看一下上面写的内容，没问题就点“{ $confirm }”，评价就发给食堂了。
feedback-help-leave = 不想评了，点“{ $cancel }”或发“取消”，什么都不会保存。
feedback-cancelled = 已取消，没有保存任何内容。
feedback-invalid = 抱歉，这个选项无效。请发送 /feedback 重新开始。
feedback-flood = 您这一小时内提交的评价比较多（上限 { $limit } 次），请稍后再试。谢谢您这么用心！
feedback-expired = 这张评价表已经过期了。请发送 /feedback 重新开始。

feedback-button-next = 下一步 ▶
feedback-button-skip = 跳过
feedback-button-no-photos = 不加照片，下一步 ▶
feedback-button-photos-done = 照片发完了，下一步 ▶
feedback-button-keep-comment = 就用这段 ▶
feedback-button-keep-asked = ✎ 写进评语
feedback-button-cancel = ✖ 取消
feedback-button-confirm = ✅ 提交
feedback-button-show-name = 👤 显示名字
feedback-button-anonymous = 🙈 匿名

feedback-anonymous-person = 匿名居民
feedback-alert =
    ⚠️ <b>低分评价</b>：{ $day } { $meal }，{ $stars }
    来自：{ $who }
feedback-alert-tags = 标签：{ $tags }
feedback-alert-comment = 评语：{ $comment }
feedback-alert-photos = 📷 附有 { $count } 张照片
feedback-button-reply = ✉️ 回复
feedback-button-resolve = ✅ 标记已处理
feedback-button-photos = 📷 看照片
feedback-reply-prompt = 请回复这条消息，写下给第 { $id } 号评价的答复（{ $limit } 字以内）。居民会通过机器人收到；匿名居民的身份不会透露。发送 /cancel 取消。
feedback-reply-bounds = 答复请写 1 到 { $limit } 个字。
feedback-reply-sent = 已发送，居民会收到您的答复。
feedback-reply-missing = 这条评价已经不存在了。
feedback-resolved-done = 已标记为已处理，并通知了居民。
feedback-reply-forgotten-short = 这位居民已删除个人信息，无法回复。
feedback-reply-forgotten = 这位居民已删除个人信息，无法再回复。第 { $id } 号评价已匿名保留，仍算作未处理的低分评价；处理好后请点“✅ 标记已处理”。
feedback-resolved-quietly = 已标记为已处理（这位居民已删除个人信息，不再通知）。
feedback-resolved-already = 这条已经处理过了。
feedback-resolved-marker = ✅ 已由 { $name } 处理
feedback-photos-none = 这条评价没有照片。
feedback-answer =
    💬 <b>食堂回复了您</b>对{ $day }{ $meal }的评价：
    { $answer }
feedback-resolved-notice = ✅ 食堂已经处理了您对{ $day }{ $meal }的意见。谢谢您告诉我们！

digest-period-day = { $day } { $weekday }
digest-period-range = { $start } 至 { $end }
digest-title = 📊 <b>食堂评价汇总：{ $period }</b>
digest-late = ⏰ 迟到的汇总：原定 { $time } 发送，当时机器人没有运行。
digest-empty = 今天没有收到评价。
digest-summary = 评价数：<b>{ $count }</b> · 平均 <b>{ $average }</b> 分（满分 5，{ $change }）
digest-change = 比前 7 天的 { $baseline } 分 { $delta }
digest-change-none = 前 7 天没有评价可比较
digest-stars-title = <b>星级分布</b>
digest-meals-title = <b>各餐次</b>
digest-meal-line = { $meal }：{ $count } 条 · 平均 { $average } 分
digest-tags = <b>提到最多</b>：{ $tags }
digest-lowest-title = <b>评分最低的评语</b>
digest-comment =
    { $stars } { $day } { $meal } · { $who }
    <i>{ $comment }</i>
digest-unresolved-count = <b>未处理的低分评价</b>：{ $count } 条
digest-unresolved-line = #{ $id } { $day } { $meal } { $stars }
digest-unresolved-none = 没有未处理的低分评价。👍
digest-chart-caption = 食堂评价 { $start } 至 { $end }：柱子 = 每天评价数，红线 = 平均分（1–5）。
digest-bad-period = 请写日期 YYYY-MM-DD、“今天”、“昨天”，或区间，如“YYYY-MM-DD 到 YYYY-MM-DD”“12月1日到7日”（最多 { $max_days } 天）。
digest-range-too-long = 区间太长了：最多 { $max_days } 天。
digest-future = 这个日期还没到。
digest-settings =
    <b>您的每日食堂汇总</b>：{ $state }，每天 { $time }（北京时间）。
    可以点按钮修改，或发送如 <code>/digestsettings 21:15</code>。
digest-state-on = 开启
digest-state-off = 关闭
digest-button-on = 🔔 开启
digest-button-off = 🔕 关闭
digest-button-time = 🕘 { $time }
digest-settings-saved = 已保存。
digest-settings-bad-time = 请写时间 HH:MM（24 小时制），或“on”/“off”。
export-done = { $start } 至 { $end } 的评价：共 { $count } 条（匿名评价不含姓名）。
export-empty = { $start } 至 { $end } 没有评价。
digest-tag-count = { $tag }（{ $count }）
digest-chart-responses = 评价数
digest-chart-average = 平均评分（1–5）
digest-chart-title = 食堂评价 { $start } 至 { $end }
digest-chart-title-empty = 食堂评价
