# 自由提问：常见问题、“您是不是想问”、转人工

qa-faq-answer =
    <b>{ $title }</b>
    { $answer }
qa-did-you-mean = 我不太确定您问的是哪一项，是下面这些吗？
qa-no-answer = 这个问题我暂时回答不了。需要的话，我可以把问题转给工作人员，他们会在这里回复您。
qa-ask-staff = 🙋 转给工作人员

# 不由机器人回答的问题：急症先说打120；用药问医生（附卫生服务站信息）；请工作人员帮忙的事
qa-emergency =
    🚑 <b>这可能是急症，请马上拨打120！</b>
    我不能提供医疗建议。社区卫生服务站的信息如下，但它不能代替120：
qa-medicine = 用药和治疗的问题我不能回答，请咨询医生。可以去社区卫生服务站问问：
qa-favour = 这件事需要工作人员来帮您，我自己办不了。需要的话，我可以把您的话转给工作人员，他们会在这里回复您。
qa-which-day = 您问的是哪一天？请点一下日期。
qa-which-day-typed = 您问的是哪一天？请直接写日期，比如“5月12日”。
qa-day-button-today = 今天 { $day }
qa-day-button-tomorrow = 明天 { $day }
qa-today = 今天是{ $date }，{ $weekday }。
qa-today-lunar = 今天是{ $date }，{ $weekday }，农历{ $lunar }。
qa-now = 现在是{ $day }{ $time }。
qa-feedback-offer = 想评价食堂的饭菜吗？点下面的按钮开始，一两分钟就好。
qa-feedback-button = ✍️ 评价食堂
qa-feedback-offer-words = 想评价食堂的饭菜吗？点下面的按钮开始，一两分钟就好。您刚才说的话会写进评语，打完分还可以改。
qa-feedback-offer-long = 想评价食堂的饭菜吗？点下面的按钮开始。评语最多 { $limit } 字，您这段话比较长：也可以点“转给工作人员”，把整段话交给工作人员。
qa-feedback-for-staff = 谢谢您告诉我们！点下面的按钮，就把您这段话转给工作人员。

qa-holidays-title = 📅 <b>{ $year }年放假安排</b>
qa-holidays-not-published = ⚠️ { $year }年的放假通知还没有发布，目前只能确定下面这些法定假日；连休和调休上班的日子要等通知公布。
qa-holidays-block = 🎉 { $festival }：{ $span }，放假{ $days }天
qa-holidays-workday = 🔁 { $date }调休上班
qa-holidays-ask-venue = 想知道放假那天哪里开门，直接问我就行，比如“春节食堂开吗”。
qa-holidays-today-off = 📌 今天是{ $date }，{ $festival }放假。
qa-holidays-today-workday = 📌 今天是{ $date }，{ $festival }调休上班，不放假。
# “下一个假期是什么时候”：先说下一个假期，再列全年
qa-holidays-next = 📌 下一个假期：{ $festival }，{ $span }，放假{ $days }天。
qa-holidays-today-off-plain = 📌 今天是{ $date }，放假。
qa-holidays-today-workday-plain = 📌 今天是{ $date }，调休上班，不放假。

# 追问（“食堂明天开吗”之后问“那后天呢”）：说明沿用了上一个问题的哪一部分
qa-followup-venues = ↪️ 接着您刚才问的{ $venues }：
qa-followup-days = ↪️ 还是您刚才问的{ $days }：
qa-followup-today = ↪️ 还是您刚才问的今天：

# “下午几点关门”：先答那半天的开门、关门时间（来自当天的开放时间）
qa-part-closes = { $part ->
    [morning] 上午
   *[afternoon] 下午
} { $time } 关门。
qa-part-open-until = { $part ->
    [morning] 上午
   *[afternoon] 下午
}不休息，一直开到 { $time }。
qa-part-opens = { $part ->
    [morning] 上午
   *[afternoon] 下午
} { $time } 开门。
qa-part-open-from = { $part ->
    [morning] 上午
   *[afternoon] 下午
}照常开放，{ $time } 就开门了。
qa-part-closed = { $part ->
    [morning] 上午
   *[afternoon] 下午
}不开放。

# “今晚八点半还开吗”：先答那个钟点开不开（来自当天的开放时间）
qa-clock-open = { $asked } 开着，到 { $time } 关门。
qa-clock-opens-later = { $asked } 不开放，{ $time } 开门。
qa-clock-closed = { $asked } 已经关门了（{ $when ->
    [today] 今天
   *[other] 那天
}开到 { $time }）。

# “元宵节食堂开吗”：那个节日不放假，先说一句
qa-ordinary-festival = { $name }不放假。
# “跨年夜食堂开到几点”：跨年夜不是节日，说“跨年不放假”读着别扭
qa-ordinary-eve = 跨年夜是平常日子，不是节假日。

# “2月30号食堂开吗”：没有这一天，先说一句
qa-no-such-date = { $month }月只有{ $last }天，没有{ $day }号。

# “食堂晚饭几点”：先答那一顿的时间
qa-meal-served = { $meal } { $start }–{ $end }。
qa-meal-none = { $when ->
    [today] 今天
   *[other] 那天
}没有{ $meal }。
