# 通用：问候、帮助、语言、菜单、兜底回复

language-name = 中文
start-greeting =
    您好，{ $name }！欢迎来到“1690”党群服务中心和长风湾党群驿站的服务台。
    请点下方的大按钮，或者直接打字问我，比如“食堂几点开门”。
help-text =
    <b>我能帮您做这些事：</b>
    🕘 开放时间：各场馆今天开不开、几点开
    📚 课程报名：夜校和社区课程的报名、候补、取消；/myclasses 看我的课
    🍚 食堂评价：给今天的饭菜打分、提意见
    🎉 活动：近期活动和报名；/myevents 看我报名的活动
    📝 问卷调查：/surveys 看正在进行的问卷，您的回答决定中心下一步做什么
    🙋 找工作人员：点“找工作人员”或发送 /ask，文字、语音、照片都可以
    🔔 /reminders 提醒设置，/subscriptions 通知订阅
    直接打字问我也可以。/language 切换语言，/privacy 个人信息说明。
language-prompt = 请选择语言 / Please choose a language:
language-set = 好的，以后用中文和您交流。
menu-prompt = 请选择：
menu-hours = 🕘 开放时间
menu-classes = 📚 课程报名
# the button's earlier label, still on kept keyboards: understood, never shown
menu-classes-retired = 📚 夜校课程
menu-feedback = 🍚 食堂评价
menu-events = 🎉 活动
menu-help = ❓ 帮助
feature-coming-soon = 这个功能正在准备中，很快就能用。现在可以先试试其他按钮。
small-talk-thanks = 不客气！还有什么需要，点下方按钮或直接问我。
small-talk-bye = 再见！有事随时来问我。
small-talk-ack = 好的！还有什么需要，点下方按钮或直接问我。
not-understood = 抱歉，我没看懂。请点下方按钮，或者换个说法再问一次。
unknown-command = 没有这个命令。请点下方按钮，或发送 /help 查看我能做什么。
unknown-command-did-you-mean =
    没有 /{ $typed } 这个命令。您是不是想用：
    /{ $command } — { $about }
    点一下就行，或发送 /help 查看全部。
nothing-to-cancel = 现在没有要取消的操作。
form-put-aside = 刚才没填完的内容没有提交。需要的话，请重新发 { $command }。
form-put-aside-plain = 刚才没填完的内容没有提交，需要时可以重新开始。
form-left = 好的，已经取消，刚才填的内容没有保存。
form-left-settled = 好的，已经退出。
form-step-waiting = 这一步还在等您按上面的提示回答。不想填了，请发 /cancel。
only-text = 我目前只能看懂文字消息。请点下方按钮，或打字告诉我您需要什么。
button-invalid = 这个按钮已经失效了，请重新打开菜单。
error-apology = 抱歉，我们这边出了点问题，这条消息没能处理，请稍后再发一次。
# a resident calling a staff command; a staff member lacking the role gets refused-needs-role
refused-staff-only = 抱歉，这个命令只对工作人员开放。
refused-needs-role = 只有{ $role ->
        [organiser] 组织者
        [admin] 管理员
       *[staff] 工作人员
    }可以使用 { $command }，请联系管理员授予角色。
refused-needs-role-here = 只有{ $role ->
        [organiser] 组织者
        [admin] 管理员
       *[staff] 工作人员
    }可以这样操作，请联系管理员授予角色。
staff-help-title = <b>工作人员命令：</b>
cmd-start = 开始 / 主菜单
cmd-help = 我能做什么
cmd-language = 切换语言
cmd-staff = 工作人员命令

# 行文中列举几项时的分隔符
list-separator = 、
deeplink-gone = 抱歉，这个二维码或链接指向的内容已经不在了。请从下面的菜单里找找看。
pick-previous = ◀ 上一页
pick-next = 下一页 ▶
