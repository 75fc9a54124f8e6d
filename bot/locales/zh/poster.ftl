cmd-poster = 打印二维码海报（课程、活动、场馆……）
poster-usage =
    请在 /poster 后面写上海报要指向的内容，例如：
    /poster 课程 12 · /poster 活动 7 · /poster 食堂 · /poster 评价 午餐
    /poster 开放时间 · /poster 提问 · /poster 订阅 health
poster-unknown = 不知道这张海报要指向什么。发送 /poster 查看写法。
poster-unknown-venue = 没有这个场馆。可以写：{ $venues }
poster-venue-separator = 、
poster-unknown-meal = 请写早餐、午餐或晚餐。
poster-need-number = 请写上编号，例如 /poster 课程 12。
poster-unknown-course = 没有这个编号的已发布课程。
poster-unknown-event = 没有这个编号的活动（或活动已取消）。
poster-unknown-topic = 没有这个订阅主题。可以写：canteen、health、nightschool、events。
poster-png = 海报图片（A4，300 dpi），二维码打开：{ $url }
poster-pdf = 同一张海报的 PDF，可直接打印。
poster-title-hours = 各场馆开放时间
poster-action-hours = 扫码查看今天哪里开着门
poster-title-venue = { $name }
poster-action-venue = 扫码查看开放时间和地图
poster-title-feedback = 食堂评价
poster-action-feedback = 扫码给今天的饭菜打个分
poster-title-feedback-meal = { $meal }评价
poster-action-feedback-meal = 扫码给今天的{ $meal }打个分
poster-title-course = { $name }
poster-action-course = 扫码查看课程并报名
poster-title-event = { $name }
poster-action-event = 扫码报名参加
poster-title-ask = 有问题？问工作人员
poster-action-ask = 扫码在 Telegram 里留言，工作人员会回复您
poster-title-topic = 订阅{ $topic }通知
poster-action-topic = 扫码订阅，有消息第一时间告诉您
