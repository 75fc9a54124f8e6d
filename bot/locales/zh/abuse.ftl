# 防刷屏

abuse-slow-down = 您发消息太快了，请慢一点——{ $seconds } 秒后我再继续回复您。
