# 隐私：告知、/mydata、/forgetme

privacy-notice =
    <b>🔒 您在服务台的个人信息</b>
    <b>我们保存：</b>您的 Telegram 名字、用户名和 ID、语言，以及您在这里办理的事项——课程报名和候补、活动报名、提醒设置、反馈和提问，以及我们发给您的消息。
    <b>用途：</b>仅用于答复您、保留您的名额和提醒您，绝不出售，也不用于广告。
    <b>保存多久：</b>在您使用期间保存。反馈和已答复提问上的姓名在 { $identity_days } 天后删除；如果您屏蔽了机器人，{ $blocked_days } 天后删除全部信息。
    <b>谁能看到：</b>负责相关课程、活动或反馈的中心工作人员。匿名反馈不会显示您的姓名。
    /mydata 发给您全部信息的副本；/forgetme 删除全部信息；/privacy 再次查看本说明。
privacy-export-filename = frontdesk-my-data-{ $date }.json
privacy-export-caption = 服务台保存的关于您的全部信息（JSON 格式）。
privacy-summary-title = <b>我们保存的关于您的信息</b>
privacy-summary-profile =
    姓名：{ $name }
    用户名：{ $username }
    语言：{ $language }
    首次联系：{ $since }
privacy-summary-line = • { $title }：{ $count }
privacy-summary-none = 没有保存：{ $titles }。
privacy-summary-none-separator = ；
privacy-summary-footer = 详情见附件。发送 /forgetme 可全部删除。
privacy-section-roles = 工作人员角色
privacy-section-messages = 我们发给您的通知、广播和提醒（对您消息的即时回复不保存）
privacy-section-audit = 您做的或与您有关的工作人员操作
privacy-section-forms = 您填到一半的表单
privacy-section-inbox = 最近收到的消息和按键记录（处理完只留记录、不留内容，会自动删除）
privacy-section-tickets = 您与工作人员的对话
privacy-section-surveys = 您的问卷回答
privacy-section-questions = 您向工作人员提的问题
privacy-section-follow-ups = 您刚问过的开放时间（半小时后删除）
privacy-section-feedback = 您的食堂评价
privacy-section-digest = 您的评价日报设置
privacy-section-reminders = 您的提醒设置
privacy-section-events = 活动报名
privacy-section-nightschool = 课程与出勤
privacy-not-set = —
privacy-forget-confirm =
    <b>删除您的全部信息？</b>
    将删除您的资料、语言、提问、订阅和提醒；取消您的课程报名、候补和活动报名（名额会让给下一位）；您的反馈只保留匿名内容。删除后无法恢复。以后再发消息，您将作为新居民开始。
privacy-forget-yes = 🗑 确认，全部删除
privacy-forget-no = 保留我的信息
privacy-forget-kept = 没有删除任何信息，您的信息仍然保留。
privacy-forgotten = 已完成：您的信息已删除。感谢您使用服务台。如果再发消息，将重新开始。
privacy-forget-expired = 此确认已过期或不属于您。请重新发送 /forgetme。
cmd-privacy = 个人信息说明
cmd-mydata = 获取我的信息副本
cmd-forgetme = 删除我的信息
privacy-notice-short =
    🔒 我们只保存为您办事所需的信息（名字、语言、报名和留言），不出售，也不做广告。
    /mydata 查看 · /forgetme 删除 · 点下面的按钮看完整说明。
privacy-btn-full = 📄 完整说明
