intake-private-only = { $command } 会显示个人信息，只在与我的私聊中回答。请点下面的按钮，在私聊里再发一次。
intake-open-private = 打开私聊
