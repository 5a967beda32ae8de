<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>&amp;Copy versions</source>
        <translation>复制版本信息(&amp;C)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;kvmgui %s&lt;/h2&gt;&lt;p&gt;A fast, VLAN-aware desktop manager for libvirt/KVM.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;kvmgui %s&lt;/h2&gt;&lt;p&gt;快速、支持 VLAN 的 libvirt/KVM 桌面管理器。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About kvmgui</source>
        <translation>关于 kvmgui</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Copy all versions as text, e.g. for a bug report</source>
        <translation>以文本形式复制所有版本信息，例如用于错误报告</translation>
    </message>
    <message>
        <source>Daemon</source>
        <translation>守护进程</translation>
    </message>
    <message>
        <source>Hypervisor</source>
        <translation>虚拟机管理程序</translation>
    </message>
    <message>
        <source>Library versions</source>
        <translation>库版本</translation>
    </message>
    <message>
        <source>Versions per connection</source>
        <translation>各连接的版本</translation>
    </message>
    <message>
        <source>libvirt library</source>
        <translation>libvirt 库</translation>
    </message>
    <message>
        <source>libvirt library %s, daemon %s, hypervisor %s</source>
        <translation>libvirt 库 %s，守护进程 %s，虚拟机管理程序 %s</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
</context>
<context>
    <name>ActionRunner</name>
    <message>
        <source>%s: %s done</source>
        <translation>%s：%s 已完成</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
</context>
<context>
    <name>ActionsController</name>
    <message>
        <source>&amp;Connection</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Domain</source>
        <translation>虚拟机(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>网络(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Storage</source>
        <translation>存储(&amp;S)</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>AddConnectionDialog</name>
    <message>
        <source>&amp;Hypervisor:</source>
        <translation>虚拟机管理程序(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>传输方式(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>A URI looks like driver[+transport]://[user@]host[:port]/path, e.g. qemu:///system.</source>
        <translation>URI 的格式为 driver[+transport]://[user@]host[:port]/path，例如 qemu:///system。</translation>
    </message>
    <message>
        <source>Add Connection</source>
        <translation>添加连接</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Connect automatically at start</source>
        <translation>启动时自动连接</translation>
    </message>
    <message>
        <source>Custom URI</source>
        <translation>自定义 URI</translation>
    </message>
    <message>
        <source>Demo host (bundled)</source>
        <translation>演示宿主机（内置）</translation>
    </message>
    <message>
        <source>Enter the host to connect to.</source>
        <translation>请输入要连接的主机。</translation>
    </message>
    <message>
        <source>H&amp;ost:</source>
        <translation>主机(&amp;O)：</translation>
    </message>
    <message>
        <source>LXC (Linux containers)</source>
        <translation>LXC（Linux 容器）</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>QEMU/KVM (system)</source>
        <translation>QEMU/KVM（系统）</translation>
    </message>
    <message>
        <source>QEMU/KVM (user session)</source>
        <translation>QEMU/KVM（用户会话）</translation>
    </message>
    <message>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <source>TCP (unencrypted)</source>
        <translation>TCP（未加密）</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Test driver (test:///default)</source>
        <translation>测试驱动（test:///default）</translation>
    </message>
    <message>
        <source>The demo host is a file on this machine: use the local transport.</source>
        <translation>演示宿主机是本机上的一个文件：请使用本地传输方式。</translation>
    </message>
    <message>
        <source>The host must be a host name or an IP address.</source>
        <translation>主机必须是主机名或 IP 地址。</translation>
    </message>
    <message>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>端口必须是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>The user name may contain letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>用户名只能包含字母、数字、“.”、“_”和“-”。</translation>
    </message>
    <message>
        <source>URI:</source>
        <translation>URI：</translation>
    </message>
    <message>
        <source>Xen</source>
        <translation>Xen</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>host name or address</source>
        <translation>主机名或地址</translation>
    </message>
    <message>
        <source>kvmgui stores no password: SSH uses your agent or keys, TLS your certificates; other prompts are asked when connecting.</source>
        <translation>kvmgui 不保存任何密码：SSH 使用您的代理或密钥，TLS 使用您的证书；其他提示会在连接时询问。</translation>
    </message>
    <message>
        <source>kvmgui stores no password: remove it from the URI and use an SSH key or agent (libvirt asks for anything else when it connects).</source>
        <translation>kvmgui 不保存任何密码：请从 URI 中删除密码，改用 SSH 密钥或代理（其他凭据由 libvirt 在连接时询问）。</translation>
    </message>
    <message>
        <source>your login name on the host (optional)</source>
        <translation>您在该主机上的登录名（可选）</translation>
    </message>
</context>
<context>
    <name>AddDiskDialog</name>
    <message>
        <source>&amp;Bus:</source>
        <translation>总线(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Existing volume</source>
        <translation>现有卷(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;New volume</source>
        <translation>新建卷(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>大小(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Volume:</source>
        <translation>卷(&amp;V)：</translation>
    </message>
    <message>
        <source>Add Disk</source>
        <translation>添加磁盘</translation>
    </message>
    <message>
        <source>CD/DVD-ROM</source>
        <translation>CD/DVD-ROM</translation>
    </message>
    <message>
        <source>Enter a volume name without &apos;/&apos;.</source>
        <translation>请输入不含“/”的卷名称。</translation>
    </message>
    <message>
        <source>Enter the path of the disk image or device.</source>
        <translation>请输入磁盘映像或设备的路径。</translation>
    </message>
    <message>
        <source>File or device &amp;path</source>
        <translation>文件或设备路径(&amp;P)</translation>
    </message>
    <message>
        <source>Hard disk</source>
        <translation>硬盘</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>名称(&amp;A)：</translation>
    </message>
    <message>
        <source>P&amp;ool:</source>
        <translation>存储池(&amp;O)：</translation>
    </message>
    <message>
        <source>Pa&amp;th:</source>
        <translation>路径(&amp;T)：</translation>
    </message>
    <message>
        <source>The pool already has a volume named %s.</source>
        <translation>该存储池中已有名为 %s 的卷。</translation>
    </message>
    <message>
        <source>The pool has no volumes.</source>
        <translation>该存储池中没有卷。</translation>
    </message>
    <message>
        <source>There is no active storage pool.</source>
        <translation>没有活动的存储池。</translation>
    </message>
</context>
<context>
    <name>AddHardwareAction</name>
    <message>
        <source>Add &amp;hardware…</source>
        <translation>添加硬件(&amp;H)…</translation>
    </message>
    <message>
        <source>Add a disk, CD-ROM, network interface, host device or other device to the domain</source>
        <translation>为虚拟机添加磁盘、光驱、网络接口、主机设备或其他设备</translation>
    </message>
</context>
<context>
    <name>AddHardwareDialog</name>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add Hardware</source>
        <translation>添加硬件</translation>
    </message>
    <message>
        <source>Fill in the form.</source>
        <translation>请填写表单。</translation>
    </message>
    <message>
        <source>Plug it into the running guest &amp;now</source>
        <translation>立即插入正在运行的虚拟机(&amp;N)</translation>
    </message>
</context>
<context>
    <name>AddVncDisplay</name>
    <message>
        <source>A VNC display is added to the definition of %s. It takes effect the next time the guest boots.</source>
        <translation>将向 %s 的定义添加一个 VNC 显示。它在客户机下次启动时生效。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add a VNC display</source>
        <translation>添加 VNC 显示</translation>
    </message>
    <message>
        <source>Nothing was changed: %s</source>
        <translation>未做任何更改：%s</translation>
    </message>
    <message>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>DHCP leases</source>
        <translation>DHCP 租约</translation>
    </message>
</context>
<context>
    <name>AuthDialog</name>
    <message>
        <source>Authentication for %s</source>
        <translation>%s 的身份验证</translation>
    </message>
    <message>
        <source>libvirt asks for credentials to open %s:</source>
        <translation>libvirt 需要凭据才能打开 %s：</translation>
    </message>
</context>
<context>
    <name>ChannelForm</name>
    <message>
        <source>&amp;Channel:</source>
        <translation>通道(&amp;C)：</translation>
    </message>
    <message>
        <source>QEMU guest agent (shutdown, file system freeze, addresses)</source>
        <translation>QEMU 客户机代理（关机、冻结文件系统、地址）</translation>
    </message>
    <message>
        <source>SPICE agent (clipboard, screen size)</source>
        <translation>SPICE 代理（剪贴板、屏幕大小）</translation>
    </message>
</context>
<context>
    <name>CloneDialog</name>
    <message>
        <source>%(source)s is cloned as %(name)s: the changes to its definition, and what is copied.</source>
        <translation>%(source)s 将被克隆为 %(name)s：以下是对其定义的更改以及要复制的内容。</translation>
    </message>
    <message>
        <source>%s is paused: its raw disks are copied as they are now; its memory is not.</source>
        <translation>%s 已暂停：其 raw 磁盘按当前状态复制；内存不复制。</translation>
    </message>
    <message>
        <source>%s name</source>
        <translation>%s 名称</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation>检查(&amp;R)…</translation>
    </message>
    <message>
        <source>, up to %s</source>
        <translation>，最多 %s</translation>
    </message>
    <message>
        <source>A copy of %s with its own name, UUID and MAC addresses. Choose what the clone does with each disk.</source>
        <translation>%s 的副本，拥有自己的名称、UUID 和 MAC 地址。请选择克隆如何处理每个磁盘。</translation>
    </message>
    <message>
        <source>Clone</source>
        <translation>克隆</translation>
    </message>
    <message>
        <source>Clone %s</source>
        <translation>克隆 %s</translation>
    </message>
    <message>
        <source>Copy %(what)s to %(where)s (%(format)s, sparse%(size)s)</source>
        <translation>将 %(what)s 复制到 %(where)s（%(format)s，稀疏%(size)s）</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Its UEFI variables (NVRAM) are copied to %s.</source>
        <translation>其 UEFI 变量（NVRAM）将复制到 %s。</translation>
    </message>
    <message>
        <source>Leave out %s</source>
        <translation>不包含 %s</translation>
    </message>
    <message>
        <source>NVRAM</source>
        <translation>NVRAM</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Name of the clone</source>
        <translation>克隆的名称</translation>
    </message>
    <message>
        <source>New MAC address: %(old)s → %(new)s</source>
        <translation>新 MAC 地址：%(old)s → %(new)s</translation>
    </message>
    <message>
        <source>New UUID: %s</source>
        <translation>新 UUID：%s</translation>
    </message>
    <message>
        <source>Not cloned: snapshots and saved memory state.</source>
        <translation>不克隆：快照和已保存的内存状态。</translation>
    </message>
    <message>
        <source>Share %s with the original</source>
        <translation>与原虚拟机共享 %s</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空间</translation>
    </message>
    <message>
        <source>The clone gets a new UUID and new MAC addresses.</source>
        <translation>克隆将获得新的 UUID 和新的 MAC 地址。</translation>
    </message>
    <message>
        <source>the pool&apos;s format</source>
        <translation>存储池的格式</translation>
    </message>
</context>
<context>
    <name>CloneDiskRow</name>
    <message>
        <source>(empty drive)</source>
        <translation>（空驱动器）</translation>
    </message>
    <message>
        <source>Clone</source>
        <translation>克隆</translation>
    </message>
    <message>
        <source>Name of the copy of %s</source>
        <translation>%s 副本的名称</translation>
    </message>
    <message>
        <source>Same folder</source>
        <translation>同一文件夹</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Storage pool of the copy of %s</source>
        <translation>%s 副本所在的存储池</translation>
    </message>
    <message>
        <source>What the clone does with %s</source>
        <translation>克隆如何处理 %s</translation>
    </message>
</context>
<context>
    <name>CloneDisks</name>
    <message>
        <source>Copy to pool</source>
        <translation>复制到存储池</translation>
    </message>
    <message>
        <source>Copy&apos;s name</source>
        <translation>副本名称</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>In the clone</source>
        <translation>在克隆中</translation>
    </message>
    <message>
        <source>No disks: only the definition is copied.</source>
        <translation>没有磁盘：只复制定义。</translation>
    </message>
    <message>
        <source>Now on</source>
        <translation>当前位置</translation>
    </message>
</context>
<context>
    <name>CloneFlow</name>
    <message>
        <source>%(source)s was cloned as %(name)s</source>
        <translation>%(source)s 已克隆为 %(name)s</translation>
    </message>
    <message>
        <source>Clone</source>
        <translation>克隆</translation>
    </message>
    <message>
        <source>Cloning %(source)s failed: %(error)s</source>
        <translation>克隆 %(source)s 失败：%(error)s</translation>
    </message>
    <message>
        <source>Cloning %(source)s was cancelled.</source>
        <translation>克隆 %(source)s 已取消。</translation>
    </message>
    <message>
        <source>Could not remove: %s</source>
        <translation>无法删除：%s</translation>
    </message>
    <message>
        <source>Not connected to %s</source>
        <translation>未连接到 %s</translation>
    </message>
    <message>
        <source>Removed what it had created: %s</source>
        <translation>已删除其创建的内容：%s</translation>
    </message>
    <message>
        <source>The definition of %(name)s cannot be read: %(error)s</source>
        <translation>无法读取 %(name)s 的定义：%(error)s</translation>
    </message>
    <message>
        <source>cloning…</source>
        <translation>正在克隆…</translation>
    </message>
</context>
<context>
    <name>CloneJobs</name>
    <message>
        <source>%s is running: shut it down or pause it first.</source>
        <translation>%s 正在运行：请先关机或暂停。</translation>
    </message>
    <message>
        <source>A virtual machine named %s already exists.</source>
        <translation>已存在名为 %s 的虚拟机。</translation>
    </message>
    <message>
        <source>A volume named %s already exists.</source>
        <translation>已存在名为 %s 的存储卷。</translation>
    </message>
    <message>
        <source>The domain to clone is gone: %s</source>
        <translation>要克隆的虚拟机已不存在：%s</translation>
    </message>
    <message>
        <source>The storage pool %s is not running.</source>
        <translation>存储池 %s 未运行。</translation>
    </message>
</context>
<context>
    <name>CloneProgressDialog</name>
    <message>
        <source>%(done)s of %(total)s</source>
        <translation>%(done)s / %(total)s</translation>
    </message>
    <message>
        <source>%(what)s → %(where)s</source>
        <translation>%(what)s → %(where)s</translation>
    </message>
    <message>
        <source>Cancelling: the copy under way runs to its end (libvirt cannot stop it), then everything the clone created is removed.</source>
        <translation>正在取消：进行中的复制会继续到结束（libvirt 无法中止），然后删除克隆创建的所有内容。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Cloning %(source)s as %(name)s</source>
        <translation>正在将 %(source)s 克隆为 %(name)s</translation>
    </message>
    <message>
        <source>Cloning %s</source>
        <translation>正在克隆 %s</translation>
    </message>
    <message>
        <source>Copy of %s</source>
        <translation>%s 的副本</translation>
    </message>
    <message>
        <source>Copying %s…</source>
        <translation>正在复制 %s…</translation>
    </message>
    <message>
        <source>Could not remove: %s</source>
        <translation>无法删除：%s</translation>
    </message>
    <message>
        <source>Defining %s…</source>
        <translation>正在定义 %s…</translation>
    </message>
    <message>
        <source>NVRAM</source>
        <translation>NVRAM</translation>
    </message>
    <message>
        <source>Nothing was created.</source>
        <translation>未创建任何内容。</translation>
    </message>
    <message>
        <source>Removed what it had created: %s</source>
        <translation>已删除其创建的内容：%s</translation>
    </message>
    <message>
        <source>Removing what the clone created…</source>
        <translation>正在删除克隆创建的内容…</translation>
    </message>
    <message>
        <source>Stop after the copy under way and remove everything the clone created</source>
        <translation>在进行中的复制结束后停止，并删除克隆创建的所有内容</translation>
    </message>
    <message>
        <source>The clone failed: %s</source>
        <translation>克隆失败：%s</translation>
    </message>
    <message>
        <source>The clone was cancelled.</source>
        <translation>克隆已取消。</translation>
    </message>
    <message>
        <source>copying</source>
        <translation>正在复制</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>not copied</source>
        <translation>未复制</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>Not connected to %s</source>
        <translation>未连接到 %s</translation>
    </message>
    <message>
        <source>closed by client</source>
        <translation>被客户端关闭</translation>
    </message>
    <message>
        <source>connection error</source>
        <translation>连接错误</translation>
    </message>
    <message>
        <source>the daemon closed the connection</source>
        <translation>守护进程关闭了连接</translation>
    </message>
    <message>
        <source>the daemon stopped answering</source>
        <translation>守护进程停止响应</translation>
    </message>
</context>
<context>
    <name>ConnectionActions</name>
    <message>
        <source>%s is already open</source>
        <translation>%s 已经打开</translation>
    </message>
    <message>
        <source>&amp;Add Connection…</source>
        <translation>添加连接(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>重新连接(&amp;R)</translation>
    </message>
    <message>
        <source>Connect &amp;automatically at start</source>
        <translation>启动时自动连接(&amp;A)</translation>
    </message>
    <message>
        <source>Open &amp;demo host</source>
        <translation>打开演示主机(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;move connection</source>
        <translation>移除连接(&amp;M)</translation>
    </message>
    <message>
        <source>Show the bundled demo host: a simulated host to try kvmgui on (nothing is saved)</source>
        <translation>显示自带的演示主机：一台用来试用 kvmgui 的模拟主机（不保存任何内容）</translation>
    </message>
    <message>
        <source>The demo host is in File › Open demo host.</source>
        <translation>演示主机可在“文件 › 打开演示主机”中打开。</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <source>%s is not installed. Point a VNC/SPICE viewer at:</source>
        <translation>未安装 %s。请用 VNC/SPICE 查看器连接：</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Console of %s</source>
        <translation>%s 的控制台</translation>
    </message>
    <message>
        <source>Could not start %s.</source>
        <translation>无法启动 %s。</translation>
    </message>
    <message>
        <source>The display listens only on the host itself. Open a tunnel, then point a VNC/SPICE viewer at the address below (virt-viewer is not installed):</source>
        <translation>显示只在宿主机本机上监听。请先打开隧道，再用 VNC/SPICE 查看器连接以下地址（未安装 virt-viewer）：</translation>
    </message>
    <message>
        <source>The display listens only on the host itself. Open a tunnel, then point a VNC/SPICE viewer at the address below:</source>
        <translation>显示只在宿主机本机上监听。请先打开隧道，再用 VNC/SPICE 查看器连接以下地址：</translation>
    </message>
    <message>
        <source>The display&apos;s address is known once the domain runs. Start it, or install virt-viewer, which waits for the domain.</source>
        <translation>虚拟机运行后才能知道显示地址。请启动虚拟机，或安装会等待虚拟机启动的 virt-viewer。</translation>
    </message>
    <message>
        <source>The domain&apos;s name starts with “-”, so the custom console command would read it as an option; it was not started. Put -- before {name} in the command (Preferences) if the program accepts it.</source>
        <translation>虚拟机名称以“-”开头，自定义控制台命令会把它当作选项，因此未启动。如果该程序支持，请在命令（首选项）中的 {name} 前加上 --。</translation>
    </message>
    <message>
        <source>This domain has neither a graphical display nor a serial console.</source>
        <translation>此虚拟机既没有图形显示，也没有串行控制台。</translation>
    </message>
    <message>
        <source>This domain has no graphical display. Reach its serial console from a terminal with:</source>
        <translation>此虚拟机没有图形显示。请在终端中用以下命令访问其串行控制台：</translation>
    </message>
    <message>
        <source>virt-viewer is not installed. Point a VNC/SPICE viewer at:</source>
        <translation>未安装 virt-viewer。请用 VNC/SPICE 查看器连接：</translation>
    </message>
</context>
<context>
    <name>ConsoleForm</name>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>On the first serial port (ttyS0)</source>
        <translation>在第一个串口上（ttyS0）</translation>
    </message>
    <message>
        <source>virtio console (hvc0 in the guest)</source>
        <translation>virtio 控制台（客户机中的 hvc0）</translation>
    </message>
</context>
<context>
    <name>ConsolePage</name>
    <message>
        <source>%s has crashed. Force it off, then start it again.</source>
        <translation>%s 已崩溃。请先强制关机，再重新启动。</translation>
    </message>
    <message>
        <source>%s is saved to disk. Start restores it where it left off.</source>
        <translation>%s 已保存到磁盘。启动会从保存时的状态恢复。</translation>
    </message>
    <message>
        <source>%s is shut off.</source>
        <translation>%s 已关机。</translation>
    </message>
    <message>
        <source>Add a VNC display</source>
        <translation>添加 VNC 显示</translation>
    </message>
    <message>
        <source>Add a VNC display to the definition; it takes effect at the next boot</source>
        <translation>向定义添加 VNC 显示；下次启动时生效</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>Graphical console</source>
        <translation>图形控制台</translation>
    </message>
    <message>
        <source>Its vCPUs are frozen; its memory is kept.</source>
        <translation>其 vCPU 已冻结；内存保持不变。</translation>
    </message>
    <message>
        <source>No graphical display</source>
        <translation>没有图形显示</translation>
    </message>
    <message>
        <source>No serial console</source>
        <translation>没有串行控制台</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>Open in remote-viewer</source>
        <translation>在 remote-viewer 中打开</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>Serial console</source>
        <translation>串行控制台</translation>
    </message>
    <message>
        <source>Show the graphical console</source>
        <translation>显示图形控制台</translation>
    </message>
    <message>
        <source>Show the serial console</source>
        <translation>显示串行控制台</translation>
    </message>
    <message>
        <source>The built-in console shows VNC displays. Open this one in remote-viewer, or add a VNC display: it takes effect at the next boot.</source>
        <translation>内置控制台只能显示 VNC。请在 remote-viewer 中打开此显示，或添加一个 VNC 显示：它在下次启动时生效。</translation>
    </message>
    <message>
        <source>This guest has a SPICE display only</source>
        <translation>此客户机只有 SPICE 显示</translation>
    </message>
    <message>
        <source>This guest has no VNC display.</source>
        <translation>此客户机没有 VNC 显示。</translation>
    </message>
    <message>
        <source>This guest has no serial port or console device.</source>
        <translation>此客户机没有串口或控制台设备。</translation>
    </message>
</context>
<context>
    <name>ConsoleStream</name>
    <message>
        <source>The connection to the host closed.</source>
        <translation>与主机的连接已关闭。</translation>
    </message>
</context>
<context>
    <name>ControllerForm</name>
    <message>
        <source>&amp;Model:</source>
        <translation>型号(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
</context>
<context>
    <name>CreateSnapshotDialog</name>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Internal: disks (and memory of a running guest) inside the qcow2 images</source>
        <translation>内部快照(&amp;I)：磁盘（及运行中虚拟机的内存）保存在 qcow2 镜像内</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Quiesce: freeze the guest&apos;s file systems while the overlays are made</source>
        <translation>静默(&amp;Q)：创建覆盖层时冻结客户机的文件系统</translation>
    </message>
    <message>
        <source>An absolute path on the host</source>
        <translation>主机上的绝对路径</translation>
    </message>
    <message>
        <source>External with &amp;memory: overlays, and the memory in a file</source>
        <translation>外部快照含内存(&amp;M)：覆盖层，内存保存到文件</translation>
    </message>
    <message>
        <source>External, disk &amp;only: new overlay files on top of the disks</source>
        <translation>外部快照仅磁盘(&amp;O)：在磁盘之上创建新的覆盖文件</translation>
    </message>
    <message>
        <source>Memory &amp;file:</source>
        <translation>内存文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Next…</source>
        <translation>下一步…</translation>
    </message>
    <message>
        <source>Take snapshot</source>
        <translation>创建快照</translation>
    </message>
</context>
<context>
    <name>DeleteDomainsDialog</name>
    <message>
        <source>    no disks</source>
        <translation>    无磁盘</translation>
    </message>
    <message>
        <source>CD-ROM (often installation media)</source>
        <translation>CD-ROM（通常是安装介质）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n domain(s)</source>
        <translation>
            <numerusform>删除 %n 个虚拟机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n domain(s)? Their definitions are removed, with any saved state, snapshot metadata and NVRAM.</source>
        <translation>
            <numerusform>删除 %n 个虚拟机？其定义将被移除，连同保存的状态、快照元数据和 NVRAM。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete %s: %s</source>
        <translation>删除 %s：%s</translation>
    </message>
    <message>
        <source>Not a volume of a running storage pool: kvmgui cannot delete it</source>
        <translation>不是运行中存储池的卷：kvmgui 无法删除它</translation>
    </message>
    <message>
        <source>Read-only disk (often installation media)</source>
        <translation>只读磁盘（通常是安装介质）</translation>
    </message>
    <message>
        <source>Running domains are forced off first: %s</source>
        <translation>运行中的虚拟机会先被强制关机：%s</translation>
    </message>
    <message>
        <source>Same volume as listed above</source>
        <translation>与上面列出的卷相同</translation>
    </message>
    <message>
        <source>Shared: also used by %s</source>
        <translation>共享：%s 也在使用</translation>
    </message>
</context>
<context>
    <name>DeleteSelected</name>
    <message>
        <source>De&amp;lete…</source>
        <translation>删除(&amp;L)…</translation>
    </message>
    <message>
        <source>Delete the selected objects (asks first)</source>
        <translation>删除所选对象（会先询问）</translation>
    </message>
    <message>
        <source>Select objects of one kind to delete them</source>
        <translation>只选择同一类对象才能删除</translation>
    </message>
</context>
<context>
    <name>DeleteSnapshotDialog</name>
    <message>
        <source>A deleted snapshot cannot be brought back; the guest as it is now stays.</source>
        <translation>删除的快照无法恢复；虚拟机的当前状态保持不变。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete snapshot</source>
        <translation>删除快照</translation>
    </message>
    <message>
        <source>Delete snapshot %s?</source>
        <translation>删除快照 %s？</translation>
    </message>
    <message>
        <source>Only this snapshot: its children stay, attached to its parent</source>
        <translation>仅此快照：其子快照保留，并挂到其父快照下</translation>
    </message>
    <message numerus="yes">
        <source>This snapshot and the %n snapshot(s) below it:</source>
        <translation>
            <numerusform>此快照及其下的 %n 个快照：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DescriptionDialog</name>
    <message>
        <source>Description of snapshot %s:</source>
        <translation>快照 %s 的描述：</translation>
    </message>
    <message>
        <source>Next…</source>
        <translation>下一步…</translation>
    </message>
    <message>
        <source>Snapshot description</source>
        <translation>快照描述</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Host %s</source>
        <translation>宿主机 %s</translation>
    </message>
    <message>
        <source>Not loaded</source>
        <translation>未加载</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选择任何对象</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Select a connection for its host page, or an object for its summary. Type in the filter box to narrow the tree.</source>
        <translation>选择一个连接可查看其宿主机页面，选择一个对象可查看其摘要。在筛选框中输入可缩小列表范围。</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>DeviceChangeFlow</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Another client changed this guest&apos;s definition meanwhile, so nothing was changed. The devices were read again: check them and try once more.</source>
        <translation>另一个客户端同时修改了此虚拟机的定义，因此未做任何更改。已重新读取设备：请检查后重试。</translation>
    </message>
    <message>
        <source>Change media</source>
        <translation>更换介质</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>libvirt refused the change; nothing was changed.

%s</source>
        <translation>libvirt 拒绝了此更改；未做任何更改。

%s</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <source>Warnings (apply anyway?):</source>
        <translation>警告（仍要应用吗？）：</translation>
    </message>
</context>
<context>
    <name>DomainActions</name>
    <message>
        <source>&amp;Force off</source>
        <translation>强制关机(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Reboot</source>
        <translation>重启(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>Ask the guest to reboot</source>
        <translation>请求客户机重启</translation>
    </message>
    <message>
        <source>Ask the guest to shut down (ACPI)</source>
        <translation>请求客户机关机（ACPI）</translation>
    </message>
    <message>
        <source>Clo&amp;ne…</source>
        <translation>克隆(&amp;N)…</translation>
    </message>
    <message>
        <source>Copy a shut-off or paused domain: its definition and the disks you choose</source>
        <translation>复制已关机或已暂停的虚拟机：其定义及所选磁盘</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>删除(&amp;L)…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the domain, and the storage you choose</source>
        <translation>删除虚拟机及您选择的存储</translation>
    </message>
    <message>
        <source>Delete the saved memory image; the next start boots afresh</source>
        <translation>删除保存的内存映像；下次启动时将重新引导</translation>
    </message>
    <message>
        <source>Disable autostart</source>
        <translation>禁用自动启动</translation>
    </message>
    <message>
        <source>Discard saved state</source>
        <translation>丢弃保存的状态</translation>
    </message>
    <message numerus="yes">
        <source>Discard the saved state of %n domain(s)?</source>
        <translation>
            <numerusform>丢弃 %n 个虚拟机保存的状态？</numerusform>
        </translation>
    </message>
    <message>
        <source>Domain deleted, but not these volumes: %s</source>
        <translation>虚拟机已删除，但以下卷未删除：%s</translation>
    </message>
    <message>
        <source>Each guest is asked to shut down; it may take a while or ignore it.</source>
        <translation>将请求每个客户机关机；这可能需要一段时间，客户机也可能忽略请求。</translation>
    </message>
    <message>
        <source>Enable autostart</source>
        <translation>启用自动启动</translation>
    </message>
    <message>
        <source>Force off</source>
        <translation>强制关机</translation>
    </message>
    <message numerus="yes">
        <source>Force off %n domain(s)?</source>
        <translation>
            <numerusform>强制关闭 %n 个虚拟机？</numerusform>
        </translation>
    </message>
    <message>
        <source>Freeze the guest&apos;s vCPUs (it keeps its memory)</source>
        <translation>冻结客户机的 vCPU（保留其内存）</translation>
    </message>
    <message>
        <source>Let a paused guest run again</source>
        <translation>让已暂停的客户机继续运行</translation>
    </message>
    <message>
        <source>Like pulling the power plug: data the guest has not written is lost.</source>
        <translation>如同拔掉电源：客户机尚未写入的数据将会丢失。</translation>
    </message>
    <message>
        <source>Managed save: write memory to disk and stop; Start restores it</source>
        <translation>托管保存：将内存写入磁盘后停止；启动时恢复</translation>
    </message>
    <message>
        <source>Open &amp;console</source>
        <translation>打开控制台(&amp;C)</translation>
    </message>
    <message>
        <source>Open in e&amp;xternal viewer</source>
        <translation>在外部查看器中打开(&amp;X)</translation>
    </message>
    <message>
        <source>Open the virtual machine&apos;s window on its console (graphical or serial)</source>
        <translation>打开虚拟机窗口并显示其控制台（图形或串口）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message numerus="yes">
        <source>Pause %n domain(s)?</source>
        <translation>
            <numerusform>暂停 %n 个虚拟机？</numerusform>
        </translation>
    </message>
    <message>
        <source>R&amp;esume</source>
        <translation>恢复(&amp;E)</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>重启</translation>
    </message>
    <message numerus="yes">
        <source>Reboot %n domain(s)?</source>
        <translation>
            <numerusform>重启 %n 个虚拟机？</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message numerus="yes">
        <source>Resume %n domain(s)?</source>
        <translation>
            <numerusform>恢复 %n 个虚拟机？</numerusform>
        </translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>保存(&amp;V)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message numerus="yes">
        <source>Save %n domain(s) to disk and stop them?</source>
        <translation>
            <numerusform>将 %n 个虚拟机保存到磁盘并停止？</numerusform>
        </translation>
    </message>
    <message>
        <source>Shut &amp;down</source>
        <translation>关机(&amp;D)</translation>
    </message>
    <message>
        <source>Shut down</source>
        <translation>关机</translation>
    </message>
    <message numerus="yes">
        <source>Shut down %n domain(s)?</source>
        <translation>
            <numerusform>关闭 %n 个虚拟机？</numerusform>
        </translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message numerus="yes">
        <source>Start %n domain(s) with the host?</source>
        <translation>
            <numerusform>让 %n 个虚拟机随宿主机启动？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Start %n domain(s)?</source>
        <translation>
            <numerusform>启动 %n 个虚拟机？</numerusform>
        </translation>
    </message>
    <message>
        <source>Start (a saved domain resumes from its saved state)</source>
        <translation>启动（已保存的虚拟机从保存的状态恢复）</translation>
    </message>
    <message>
        <source>Start restores each saved domain where it left off.</source>
        <translation>启动时每个已保存的虚拟机都会从中断处恢复。</translation>
    </message>
    <message>
        <source>Start the console viewer chosen in the Preferences (or say how to reach the display)</source>
        <translation>启动首选项中选择的控制台查看器（或说明如何访问显示器）</translation>
    </message>
    <message>
        <source>Start with the host</source>
        <translation>随宿主机启动</translation>
    </message>
    <message>
        <source>Stop at once, like pulling the power plug</source>
        <translation>立即停止，如同拔掉电源</translation>
    </message>
    <message numerus="yes">
        <source>Stop starting %n domain(s) with the host?</source>
        <translation>
            <numerusform>不再让 %n 个虚拟机随宿主机启动？</numerusform>
        </translation>
    </message>
    <message>
        <source>The saved memory is deleted: the next start boots afresh, as after a power cut.</source>
        <translation>保存的内存将被删除：下次启动时会像断电后一样重新引导。</translation>
    </message>
    <message>
        <source>deleted with %n volume(s)</source>
        <translation>已删除，连同 %n 个卷</translation>
    </message>
    <message>
        <source>deleting…</source>
        <translation>正在删除…</translation>
    </message>
    <message>
        <source>discarding…</source>
        <translation>正在丢弃…</translation>
    </message>
    <message>
        <source>forcing off…</source>
        <translation>正在强制关机…</translation>
    </message>
    <message>
        <source>pausing…</source>
        <translation>正在暂停…</translation>
    </message>
    <message>
        <source>rebooting…</source>
        <translation>正在重启…</translation>
    </message>
    <message>
        <source>resuming…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>setting autostart…</source>
        <translation>正在设置自动启动…</translation>
    </message>
    <message>
        <source>shutting down…</source>
        <translation>正在关机…</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
</context>
<context>
    <name>DomainBootTab</name>
    <message>
        <source>Boot &amp;order (checked devices, top first):</source>
        <translation>引导顺序(&amp;O)（勾选的设备，从上到下）：</translation>
    </message>
    <message>
        <source>Boot order</source>
        <translation>引导顺序</translation>
    </message>
    <message>
        <source>CD/DVD-ROM</source>
        <translation>CD/DVD-ROM</translation>
    </message>
    <message>
        <source>Disk %s (%s)</source>
        <translation>磁盘 %s（%s）</translation>
    </message>
    <message>
        <source>Floppy</source>
        <translation>软盘</translation>
    </message>
    <message>
        <source>Hard disk</source>
        <translation>硬盘</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Network (PXE)</source>
        <translation>网络（PXE）</translation>
    </message>
    <message>
        <source>Network card %s</source>
        <translation>网卡 %s</translation>
    </message>
    <message>
        <source>Start this virtual machine when the host boots</source>
        <translation>宿主机启动时启动此虚拟机</translation>
    </message>
    <message>
        <source>The firmware tries each checked kind of device in this order.</source>
        <translation>固件按此顺序尝试每种勾选的设备。</translation>
    </message>
    <message>
        <source>This virtual machine boots by device: each checked disk or network card gets its place in the order.</source>
        <translation>此虚拟机按设备引导：每个勾选的磁盘或网卡在顺序中都有自己的位置。</translation>
    </message>
</context>
<context>
    <name>DomainCpuTab</name>
    <message>
        <source>&amp;Maximum vCPUs:</source>
        <translation>最大 vCPU 数(&amp;M)：</translation>
    </message>
    <message>
        <source>CPU &amp;mode:</source>
        <translation>CPU 模式(&amp;M)：</translation>
    </message>
    <message>
        <source>Cores per socket:</source>
        <translation>每插槽核心数：</translation>
    </message>
    <message>
        <source>Host model (migratable between alike hosts)</source>
        <translation>宿主机型号（可在相似宿主机之间迁移）</translation>
    </message>
    <message>
        <source>Host passthrough (fastest, not migratable)</source>
        <translation>宿主机直通（最快，不可迁移）</translation>
    </message>
    <message>
        <source>Hypervisor default</source>
        <translation>虚拟机管理程序默认值</translation>
    </message>
    <message>
        <source>Manual &amp;topology</source>
        <translation>手动拓扑(&amp;T)</translation>
    </message>
    <message>
        <source>Model &amp;name:</source>
        <translation>型号名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Named model</source>
        <translation>指定型号</translation>
    </message>
    <message>
        <source>Sockets:</source>
        <translation>插槽数：</translation>
    </message>
    <message numerus="yes">
        <source>The host has %n logical CPU(s).</source>
        <translation>
            <numerusform>宿主机有 %n 个逻辑 CPU。</numerusform>
        </translation>
    </message>
    <message>
        <source>Threads per core:</source>
        <translation>每核心线程数：</translation>
    </message>
    <message>
        <source>vCPUs at &amp;boot:</source>
        <translation>启动时 vCPU 数(&amp;B)：</translation>
    </message>
    <message>
        <source>vCPUs online when the guest starts; the rest can be plugged in later, up to the maximum</source>
        <translation>客户机启动时在线的 vCPU；其余的可在之后热插入，最多到最大值</translation>
    </message>
</context>
<context>
    <name>DomainDisksTab</name>
    <message>
        <source>&amp;Add disk…</source>
        <translation>添加磁盘(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Bus:</source>
        <translation>总线(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Cache:</source>
        <translation>缓存(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>（新）</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>总线</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Hypervisor default</source>
        <translation>虚拟机管理程序默认值</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Selected disk</source>
        <translation>所选磁盘</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>源</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
</context>
<context>
    <name>DomainEditor</name>
    <message>
        <source>%s is running: changes are saved to its definition and take effect the next time it starts.</source>
        <translation>%s 正在运行：更改会保存到其定义中，下次启动时生效。</translation>
    </message>
    <message>
        <source>&amp;Boot</source>
        <translation>引导(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;CPUs</source>
        <translation>CPU(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Disks</source>
        <translation>磁盘(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Memory</source>
        <translation>内存(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>网络(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>概览(&amp;O)</translation>
    </message>
    <message>
        <source>Autostart: off</source>
        <translation>自动启动：关</translation>
    </message>
    <message>
        <source>Autostart: on</source>
        <translation>自动启动：开</translation>
    </message>
    <message>
        <source>Di&amp;splay</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>Edit Virtual Machine %s</source>
        <translation>编辑虚拟机 %s</translation>
    </message>
    <message>
        <source>New Virtual Machine %s</source>
        <translation>新建虚拟机 %s</translation>
    </message>
    <message>
        <source>New volume in pool %s (created first)</source>
        <translation>存储池 %s 中的新卷（先创建）</translation>
    </message>
    <message>
        <source>The virtual machine starts once it is defined.</source>
        <translation>虚拟机定义后即会启动。</translation>
    </message>
</context>
<context>
    <name>DomainGraphicsTab</name>
    <message>
        <source>&amp;Graphics:</source>
        <translation>图形(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Listen address:</source>
        <translation>监听地址(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>127.0.0.1 allows only this host (reach it through an SSH tunnel); 0.0.0.0 allows every network</source>
        <translation>127.0.0.1 只允许此宿主机访问（可通过 SSH 隧道访问）；0.0.0.0 允许所有网络访问</translation>
    </message>
    <message>
        <source>Choose a free port when the guest starts</source>
        <translation>客户机启动时选择一个空闲端口</translation>
    </message>
    <message>
        <source>None (headless)</source>
        <translation>无（无头模式）</translation>
    </message>
    <message numerus="yes">
        <source>This virtual machine has %n graphics devices; the first is edited here.</source>
        <translation>
            <numerusform>此虚拟机有 %n 个图形设备；此处编辑第一个。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DomainMemoryTab</name>
    <message>
        <source>&amp;Current allocation:</source>
        <translation>当前分配(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Maximum memory:</source>
        <translation>最大内存(&amp;M)：</translation>
    </message>
    <message>
        <source>Host memory:</source>
        <translation>宿主机内存：</translation>
    </message>
    <message>
        <source>The guest starts with the current allocation and can be given more while it runs, up to the maximum (with a memory balloon driver in the guest).</source>
        <translation>客户机以当前分配量启动，运行时可增加内存，最多到最大值（客户机中需要内存气球驱动）。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>DomainNicsTab</name>
    <message>
        <source>%s (VLAN %s)</source>
        <translation>%s（VLAN %s）</translation>
    </message>
    <message>
        <source>%s trunk</source>
        <translation>%s Trunk</translation>
    </message>
    <message>
        <source>&amp;Add network card</source>
        <translation>添加网卡(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Bridge:</source>
        <translation>网桥(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Connect to:</source>
        <translation>连接到(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Host device:</source>
        <translation>宿主机设备(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;MAC address:</source>
        <translation>MAC 地址(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation>网络(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Portgroup:</source>
        <translation>端口组(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;VLAN tags:</source>
        <translation>VLAN 标签(&amp;V)：</translation>
    </message>
    <message>
        <source>(network default)</source>
        <translation>（网络默认值）</translation>
    </message>
    <message>
        <source>Host bridge</source>
        <translation>宿主机网桥</translation>
    </message>
    <message>
        <source>M&amp;odel:</source>
        <translation>型号(&amp;O)：</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>Macvtap mo&amp;de:</source>
        <translation>Macvtap 模式(&amp;D)：</translation>
    </message>
    <message>
        <source>Macvtap on a host device (direct)</source>
        <translation>宿主机设备上的 Macvtap（直连）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Selected network card</source>
        <translation>所选网卡</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>源</translation>
    </message>
    <message>
        <source>Trunk (tagged frames to the guest)</source>
        <translation>Trunk（向客户机传递带标签的帧）</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>VLAN</source>
        <translation>VLAN</translation>
    </message>
    <message>
        <source>Virtual network</source>
        <translation>虚拟网络</translation>
    </message>
    <message>
        <source>assigned by libvirt</source>
        <translation>由 libvirt 分配</translation>
    </message>
    <message>
        <source>none, e.g. 10 or 10, 20</source>
        <translation>无，例如 10 或 10, 20</translation>
    </message>
</context>
<context>
    <name>DomainOverviewTab</name>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Hypervisor:</source>
        <translation>虚拟化类型(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>(assigned when created)</source>
        <translation>（创建时分配）</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <source>Guest:</source>
        <translation>客户机：</translation>
    </message>
    <message>
        <source>Operating system:</source>
        <translation>操作系统：</translation>
    </message>
    <message>
        <source>Renaming works only while the virtual machine is shut off.</source>
        <translation>只有在虚拟机关机时才能重命名。</translation>
    </message>
    <message>
        <source>UUID:</source>
        <translation>UUID：</translation>
    </message>
    <message>
        <source>a short line shown next to the name</source>
        <translation>显示在名称旁边的简短说明</translation>
    </message>
</context>
<context>
    <name>DomainPerformancePage</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>%s: no new samples.</source>
        <translation>%s：没有新的采样。</translation>
    </message>
    <message>
        <source>CPU (% of one host CPU)</source>
        <translation>CPU（占一个宿主机 CPU 的百分比）</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Disk I/O</source>
        <translation>磁盘 I/O</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export performance history</source>
        <translation>导出性能历史</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n sample(s).</source>
        <translation>
            <numerusform>已导出 %n 个采样。</numerusform>
        </translation>
    </message>
    <message>
        <source>Freeze the charts (sampling goes on)</source>
        <translation>冻结图表（采样继续进行）</translation>
    </message>
    <message>
        <source>How often every connection is sampled</source>
        <translation>每个连接的采样频率</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Network I/O</source>
        <translation>网络 I/O</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Paused: the charts are frozen, sampling goes on.</source>
        <translation>已暂停：图表已冻结，采样继续进行。</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Sampled %s.</source>
        <translation>采样频率：%s。</translation>
    </message>
    <message>
        <source>Save the samples of the time window shown</source>
        <translation>保存所显示时间窗口内的采样</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>There are no samples of this domain yet.</source>
        <translation>此虚拟机还没有采样。</translation>
    </message>
    <message>
        <source>Time window shown</source>
        <translation>显示的时间窗口</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>Usable</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Waiting for the first samples…</source>
        <translation>正在等待首批采样…</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>写入</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>速率</translation>
    </message>
</context>
<context>
    <name>DriveForm</name>
    <message>
        <source>&amp;Bus:</source>
        <translation>总线(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Holds:</source>
        <translation>内容(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>大小(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Volume:</source>
        <translation>存储卷(&amp;V)：</translation>
    </message>
    <message>
        <source>A file or device on the host</source>
        <translation>主机上的文件或设备</translation>
    </message>
    <message>
        <source>A new volume</source>
        <translation>新存储卷</translation>
    </message>
    <message>
        <source>An existing volume</source>
        <translation>现有存储卷</translation>
    </message>
    <message>
        <source>Empty (insert media later)</source>
        <translation>空（稍后插入介质）</translation>
    </message>
    <message>
        <source>Enter a volume name without &apos;/&apos;.</source>
        <translation>请输入不含“/”的存储卷名称。</translation>
    </message>
    <message>
        <source>Enter the path of the disk image or device.</source>
        <translation>请输入磁盘镜像或设备的路径。</translation>
    </message>
    <message>
        <source>N&amp;ame:</source>
        <translation>名称(&amp;A)：</translation>
    </message>
    <message>
        <source>P&amp;ool:</source>
        <translation>存储池(&amp;O)：</translation>
    </message>
    <message>
        <source>Pa&amp;th:</source>
        <translation>路径(&amp;T)：</translation>
    </message>
    <message>
        <source>The pool already has a volume named %s.</source>
        <translation>该存储池中已有名为 %s 的存储卷。</translation>
    </message>
    <message>
        <source>The pool has no volumes.</source>
        <translation>该存储池中没有存储卷。</translation>
    </message>
    <message>
        <source>There is no active storage pool.</source>
        <translation>没有活动的存储池。</translation>
    </message>
</context>
<context>
    <name>EditorDialog</name>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>正在应用…</translation>
    </message>
    <message>
        <source>Changed by another client</source>
        <translation>已被其他客户端更改</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <source>Fix the XML first: %s</source>
        <translation>请先修正 XML：%s</translation>
    </message>
    <message>
        <source>Fix the problems marked as errors first.</source>
        <translation>请先修正标记为错误的问题。</translation>
    </message>
    <message>
        <source>Keep my edits</source>
        <translation>保留我的编辑</translation>
    </message>
    <message>
        <source>Not applied: the definition was changed by another client.</source>
        <translation>未应用：定义已被其他客户端更改。</translation>
    </message>
    <message>
        <source>Nothing to apply: the definition is unchanged.</source>
        <translation>无需应用：定义未更改。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>Reloaded the current definition.</source>
        <translation>已重新加载当前定义。</translation>
    </message>
    <message>
        <source>Review changes</source>
        <translation>检查更改</translation>
    </message>
    <message>
        <source>Someone else changed this definition after the editor opened it, so nothing was applied. Their change is shown below. Reload discards your edits and loads the current definition.</source>
        <translation>编辑器打开后，其他人更改了此定义，因此未应用任何更改。下方显示了他们的更改。“重新加载”会丢弃您的编辑并加载当前定义。</translation>
    </message>
    <message>
        <source>The XML does not parse, so the form cannot follow it: %s</source>
        <translation>XML 无法解析，表单无法与之同步：%s</translation>
    </message>
    <message>
        <source>The definition was saved, but:
%s</source>
        <translation>定义已保存，但是：
%s</translation>
    </message>
    <message>
        <source>These changes will be applied:</source>
        <translation>将应用以下更改：</translation>
    </message>
    <message>
        <source>This definition will be created:</source>
        <translation>将创建以下定义：</translation>
    </message>
    <message>
        <source>XML</source>
        <translation>XML</translation>
    </message>
    <message>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>libvirt refused the change; nothing was changed:
%s</source>
        <translation>libvirt 拒绝了此更改；未做任何改动：
%s</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>when the editor opened</source>
        <translation>编辑器打开时</translation>
    </message>
</context>
<context>
    <name>EditorHost</name>
    <message>
        <source>Cannot read the definition: %s</source>
        <translation>无法读取定义：%s</translation>
    </message>
    <message>
        <source>Drop the changes not applied yet</source>
        <translation>放弃尚未应用的更改</translation>
    </message>
    <message>
        <source>Reading the definition…</source>
        <translation>正在读取定义…</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
</context>
<context>
    <name>EditorsFeature</name>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>创建(&amp;R)</translation>
    </message>
    <message>
        <source>Connect to a host first.</source>
        <translation>请先连接到一个宿主机。</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit the definition of the selected virtual machine or network</source>
        <translation>编辑所选虚拟机或网络的定义</translation>
    </message>
    <message>
        <source>New &amp;network…</source>
        <translation>新建网络(&amp;N)…</translation>
    </message>
    <message>
        <source>New &amp;virtual machine…</source>
        <translation>新建虚拟机(&amp;V)…</translation>
    </message>
    <message>
        <source>New storage &amp;pool…</source>
        <translation>新建存储池(&amp;P)…</translation>
    </message>
    <message>
        <source>New v&amp;olume…</source>
        <translation>新建卷(&amp;O)…</translation>
    </message>
    <message>
        <source>New virtual machine</source>
        <translation>新建虚拟机</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>无连接</translation>
    </message>
</context>
<context>
    <name>FilesystemForm</name>
    <message>
        <source>&amp;Host folder:</source>
        <translation>主机文件夹(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>标记(&amp;T)：</translation>
    </message>
    <message>
        <source>Enter the host folder to share.</source>
        <translation>请输入要共享的主机文件夹。</translation>
    </message>
    <message>
        <source>The guest mounts the folder by this name: mount -t virtiofs TAG /mnt</source>
        <translation>客户机按此名称挂载该文件夹：mount -t virtiofs TAG /mnt</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Active</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Filter: name or any column; state:running, vlan:10</source>
        <translation>筛选：名称或任意列；state:running、vlan:10</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>不活动</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Shut off</source>
        <translation>已关机</translation>
    </message>
    <message>
        <source>State filter</source>
        <translation>状态筛选</translation>
    </message>
    <message>
        <source>VLAN must be 1–4094, not “%s”</source>
        <translation>VLAN 必须为 1–4094，而不是“%s”</translation>
    </message>
    <message>
        <source>unknown state “%s” (running, paused, shutoff, saved, active, inactive)</source>
        <translation>未知状态“%s”（可用：running、paused、shutoff、saved、active、inactive）</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <source>%s (inactive)</source>
        <translation>%s（未激活）</translation>
    </message>
    <message>
        <source>%s, portgroup %s</source>
        <translation>%s，端口组 %s</translation>
    </message>
    <message>
        <source>&amp;Customize configuration before creating</source>
        <translation>创建前自定义配置(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation>网络(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Portgroup:</source>
        <translation>端口组(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Start the virtual machine once it is created</source>
        <translation>创建后启动虚拟机(&amp;S)</translation>
    </message>
    <message>
        <source>Check the summary, then create the virtual machine.</source>
        <translation>检查摘要，然后创建虚拟机。</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Generic or unknown OS</source>
        <translation>通用或未知操作系统</translation>
    </message>
    <message>
        <source>Guest type</source>
        <translation>客户机类型</translation>
    </message>
    <message>
        <source>Host bridge</source>
        <translation>宿主机网桥</translation>
    </message>
    <message>
        <source>Install from</source>
        <translation>安装来源</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Network %s is not running: it will be started when the virtual machine is created.</source>
        <translation>网络 %s 未运行：创建虚拟机时将启动它。</translation>
    </message>
    <message>
        <source>Network %s is not running: start it before the virtual machine.</source>
        <translation>网络 %s 未运行：请在启动虚拟机之前启动它。</translation>
    </message>
    <message>
        <source>Network and summary</source>
        <translation>网络和摘要</translation>
    </message>
    <message>
        <source>No network card</source>
        <translation>无网卡</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Portgroup</source>
        <translation>端口组</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>源(&amp;O)：</translation>
    </message>
    <message>
        <source>Virtual network</source>
        <translation>虚拟网络</translation>
    </message>
    <message>
        <source>host bridge %s</source>
        <translation>主机网桥 %s</translation>
    </message>
    <message>
        <source>manual install, no installation media</source>
        <translation>手动安装，无安装介质</translation>
    </message>
    <message>
        <source>network boot (PXE)</source>
        <translation>网络引导（PXE）</translation>
    </message>
    <message>
        <source>new %s %s volume %s in pool %s</source>
        <translation>新建 %s %s 卷 %s，位于存储池 %s</translation>
    </message>
    <message>
        <source>no network card</source>
        <translation>无网卡</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>the network&apos;s default (%s)</source>
        <translation>网络的默认端口组（%s）</translation>
    </message>
    <message>
        <source>vCPUs</source>
        <translation>vCPU</translation>
    </message>
</context>
<context>
    <name>GraphicsForm</name>
    <message>
        <source>&amp;Listen on:</source>
        <translation>监听地址(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>A display listening on all addresses can be reached by anyone on the network.</source>
        <translation>监听所有地址的显示可被网络上的任何人访问。</translation>
    </message>
    <message>
        <source>All IPv4 addresses (0.0.0.0)</source>
        <translation>所有 IPv4 地址（0.0.0.0）</translation>
    </message>
    <message>
        <source>No network: local clients only</source>
        <translation>无网络：仅限本地客户端</translation>
    </message>
    <message>
        <source>This host only (127.0.0.1)</source>
        <translation>仅本主机（127.0.0.1）</translation>
    </message>
</context>
<context>
    <name>GuestTypeCombo</name>
    <message>
        <source>%s (not offered by this host)</source>
        <translation>%s（此主机不提供）</translation>
    </message>
    <message>
        <source>Domain type</source>
        <translation>域类型</translation>
    </message>
    <message>
        <source>KVM (hardware virtualization)</source>
        <translation>KVM（硬件虚拟化）</translation>
    </message>
    <message>
        <source>QEMU emulation (TCG, several times slower)</source>
        <translation>QEMU 模拟（TCG，慢数倍）</translation>
    </message>
</context>
<context>
    <name>HardwareModel</name>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>HardwarePage</name>
    <message>
        <source>&amp;Add hardware…</source>
        <translation>添加硬件(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Eject</source>
        <translation>弹出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Insert media…</source>
        <translation>插入介质(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Add %s</source>
        <translation>添加%s</translation>
    </message>
    <message>
        <source>Cannot read the devices: %s</source>
        <translation>无法读取设备：%s</translation>
    </message>
    <message>
        <source>Eject %s</source>
        <translation>弹出 %s</translation>
    </message>
    <message>
        <source>Insert media into %s</source>
        <translation>向 %s 插入介质</translation>
    </message>
    <message>
        <source>Reading the devices…</source>
        <translation>正在读取设备…</translation>
    </message>
    <message>
        <source>Remove %s</source>
        <translation>移除 %s</translation>
    </message>
</context>
<context>
    <name>HostCpuPage</name>
    <message>
        <source>%d host CPUs, %d online</source>
        <translation>%d 个宿主机 CPU，%d 个在线</translation>
    </message>
    <message>
        <source>%d vCPUs of %d running domains</source>
        <translation>%d 个 vCPU，来自 %d 个运行中的虚拟机</translation>
    </message>
    <message>
        <source>1×</source>
        <translation>1×</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CPU %d</source>
        <translation>CPU %d</translation>
    </message>
    <message>
        <source>CPU usage: not reported by this driver</source>
        <translation>CPU 使用率：此驱动不报告</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>虚拟机</translation>
    </message>
    <message>
        <source>Host CPUs and memory (% busy / used)</source>
        <translation>宿主机 CPU 和内存（忙碌 / 已用百分比）</translation>
    </message>
    <message>
        <source>Host CPUs of %s</source>
        <translation>%s 的宿主机 CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Overcommit (vCPUs ÷ host CPUs, guest ÷ host memory)</source>
        <translation>超配（vCPU ÷ 宿主机 CPU，客户机内存 ÷ 宿主机内存）</translation>
    </message>
    <message>
        <source>This driver reports no per-CPU times.</source>
        <translation>此驱动不报告每个 CPU 的时间。</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>使用率</translation>
    </message>
    <message>
        <source>Waiting for the first host sample…</source>
        <translation>正在等待宿主机的首次采样…</translation>
    </message>
    <message>
        <source>host memory: not reported by this driver</source>
        <translation>宿主机内存：此驱动不报告</translation>
    </message>
    <message>
        <source>memory: %s of %s used</source>
        <translation>内存：已用 %s，共 %s</translation>
    </message>
</context>
<context>
    <name>HostDeviceForm</name>
    <message>
        <source>A PCI device passed to a guest is taken away from the host while the guest runs.</source>
        <translation>直通给虚拟机的 PCI 设备在虚拟机运行期间无法被主机使用。</translation>
    </message>
    <message>
        <source>Already passed to this guest</source>
        <translation>已直通给此虚拟机</translation>
    </message>
    <message>
        <source>Cannot list the host&apos;s devices: %s</source>
        <translation>无法列出主机的设备：%s</translation>
    </message>
    <message>
        <source>Choose a host device.</source>
        <translation>请选择一个主机设备。</translation>
    </message>
    <message>
        <source>Reading the host&apos;s devices…</source>
        <translation>正在读取主机的设备…</translation>
    </message>
    <message>
        <source>The host has no such devices.</source>
        <translation>主机上没有此类设备。</translation>
    </message>
</context>
<context>
    <name>Hw</name>
    <message numerus="yes">
        <source>%n head(s)</source>
        <translation>
            <numerusform>%n 个输出</numerusform>
        </translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Audio backend</source>
        <translation>音频后端</translation>
    </message>
    <message>
        <source>CD-ROM</source>
        <translation>光驱</translation>
    </message>
    <message>
        <source>CD-ROMs and floppies</source>
        <translation>光驱和软驱</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>控制器</translation>
    </message>
    <message>
        <source>Controllers</source>
        <translation>控制器</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Disks</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Floppy</source>
        <translation>软驱</translation>
    </message>
    <message>
        <source>From the next boot</source>
        <translation>从下次启动起</translation>
    </message>
    <message>
        <source>Graphical display</source>
        <translation>图形显示</translation>
    </message>
    <message>
        <source>Graphical displays</source>
        <translation>图形显示</translation>
    </message>
    <message>
        <source>Host device</source>
        <translation>主机设备</translation>
    </message>
    <message>
        <source>IOMMU</source>
        <translation>IOMMU</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入设备</translation>
    </message>
    <message>
        <source>Lease</source>
        <translation>租约</translation>
    </message>
    <message>
        <source>Memory balloon</source>
        <translation>内存气球</translation>
    </message>
    <message>
        <source>Memory module</source>
        <translation>内存模块</translation>
    </message>
    <message>
        <source>Network interface</source>
        <translation>网络接口</translation>
    </message>
    <message>
        <source>Network interfaces</source>
        <translation>网络接口</translation>
    </message>
    <message>
        <source>Other device</source>
        <translation>其他设备</translation>
    </message>
    <message>
        <source>Other devices</source>
        <translation>其他设备</translation>
    </message>
    <message>
        <source>PCI host device</source>
        <translation>PCI 主机设备</translation>
    </message>
    <message>
        <source>Panic notifier</source>
        <translation>崩溃通知器</translation>
    </message>
    <message>
        <source>Parallel port</source>
        <translation>并口</translation>
    </message>
    <message>
        <source>QEMU guest agent</source>
        <translation>QEMU 客户机代理</translation>
    </message>
    <message>
        <source>Random number generator</source>
        <translation>随机数生成器</translation>
    </message>
    <message>
        <source>Random number generators</source>
        <translation>随机数生成器</translation>
    </message>
    <message>
        <source>SPICE agent</source>
        <translation>SPICE 代理</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>串口</translation>
    </message>
    <message>
        <source>Serial ports, consoles and channels</source>
        <translation>串口、控制台和通道</translation>
    </message>
    <message>
        <source>Shared folder</source>
        <translation>共享文件夹</translation>
    </message>
    <message>
        <source>Shared folders</source>
        <translation>共享文件夹</translation>
    </message>
    <message>
        <source>Shared memory</source>
        <translation>共享内存</translation>
    </message>
    <message>
        <source>Smartcard reader</source>
        <translation>智能卡读卡器</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>声卡</translation>
    </message>
    <message>
        <source>TPM</source>
        <translation>TPM</translation>
    </message>
    <message>
        <source>Takes effect at next boot: the definition changes now, the running guest keeps its devices until it is shut down and started again.</source>
        <translation>下次启动时生效：定义现在就会更改，运行中的虚拟机保留其设备，直到关机并重新启动。</translation>
    </message>
    <message>
        <source>The device is plugged into the running guest now and kept in its definition.</source>
        <translation>设备现在插入运行中的虚拟机，并保存在其定义中。</translation>
    </message>
    <message>
        <source>The device is plugged into the running guest only: it is gone when the guest stops.</source>
        <translation>设备仅插入运行中的虚拟机：虚拟机停止后即消失。</translation>
    </message>
    <message>
        <source>The device is unplugged from the running guest now and removed from its definition. The guest&apos;s operating system is asked to let go of it first.</source>
        <translation>设备现在从运行中的虚拟机拔出，并从其定义中删除。会先请求客户机操作系统释放该设备。</translation>
    </message>
    <message>
        <source>The device is unplugged from the running guest.</source>
        <translation>设备已从运行中的虚拟机拔出。</translation>
    </message>
    <message>
        <source>The guest is shut off: its definition changes now, and it has the change from its next start.</source>
        <translation>虚拟机已关机：其定义现在更改，下次启动时生效。</translation>
    </message>
    <message>
        <source>The media changes in the running guest now and in its definition.</source>
        <translation>介质现在在运行中的虚拟机及其定义中同时更换。</translation>
    </message>
    <message>
        <source>The media changes in the running guest only.</source>
        <translation>介质仅在运行中的虚拟机中更换。</translation>
    </message>
    <message>
        <source>USB and PCI host devices</source>
        <translation>USB 和 PCI 主机设备</translation>
    </message>
    <message>
        <source>USB host device</source>
        <translation>USB 主机设备</translation>
    </message>
    <message>
        <source>USB hub</source>
        <translation>USB 集线器</translation>
    </message>
    <message>
        <source>USB redirection</source>
        <translation>USB 重定向</translation>
    </message>
    <message>
        <source>Until the guest stops</source>
        <translation>直到虚拟机停止</translation>
    </message>
    <message>
        <source>VM socket (vsock)</source>
        <translation>虚拟机套接字（vsock）</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>显卡</translation>
    </message>
    <message>
        <source>Watchdog</source>
        <translation>看门狗</translation>
    </message>
    <message>
        <source>Watchdogs</source>
        <translation>看门狗</translation>
    </message>
</context>
<context>
    <name>InputForm</name>
    <message>
        <source>&amp;Bus:</source>
        <translation>总线(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>键盘</translation>
    </message>
    <message>
        <source>Mouse</source>
        <translation>鼠标</translation>
    </message>
    <message>
        <source>Tablet (absolute pointer)</source>
        <translation>数位板（绝对定位指针）</translation>
    </message>
</context>
<context>
    <name>InsertMediaDialog</name>
    <message>
        <source>&amp;Path:</source>
        <translation>路径(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Volume:</source>
        <translation>存储卷(&amp;V)：</translation>
    </message>
    <message>
        <source>(a path on the host)</source>
        <translation>（主机上的路径）</translation>
    </message>
    <message>
        <source>Enter the absolute path of an ISO image or a device on the host.</source>
        <translation>请输入主机上 ISO 镜像或设备的绝对路径。</translation>
    </message>
    <message>
        <source>Insert Media</source>
        <translation>插入介质</translation>
    </message>
    <message>
        <source>Media for the drive %s:</source>
        <translation>驱动器 %s 的介质：</translation>
    </message>
</context>
<context>
    <name>InstallPage</name>
    <message>
        <source>&amp;Disk image:</source>
        <translation>磁盘映像(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Network install (ISO from a URL)</source>
        <translation>网络安装（从 URL 获取 ISO）(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U)：</translation>
    </message>
    <message>
        <source>I&amp;mport an existing disk image</source>
        <translation>导入现有磁盘映像(&amp;M)</translation>
    </message>
    <message>
        <source>IS&amp;O:</source>
        <translation>ISO(&amp;O)：</translation>
    </message>
    <message>
        <source>Installation source</source>
        <translation>安装源</translation>
    </message>
    <message>
        <source>Local &amp;ISO image (a volume or a path on the host)</source>
        <translation>本地 ISO 映像（宿主机上的卷或路径）(&amp;I)</translation>
    </message>
    <message>
        <source>Manual install (no installation &amp;media now)</source>
        <translation>手动安装（暂无安装介质）(&amp;M)</translation>
    </message>
    <message>
        <source>Network &amp;boot (PXE)</source>
        <translation>网络引导（PXE）(&amp;B)</translation>
    </message>
    <message>
        <source>QEMU reads the ISO from the server while the guest installs (http, https, ftp or ftps).</source>
        <translation>客户机安装期间，QEMU 从服务器读取 ISO（http、https、ftp 或 ftps）。</translation>
    </message>
    <message>
        <source>The ISO is attached as a CD-ROM and booted first.</source>
        <translation>ISO 将作为 CD-ROM 挂载并优先引导。</translation>
    </message>
    <message>
        <source>The guest boots from its network card; it needs a network with a PXE server.</source>
        <translation>客户机从网卡引导；需要一个带有 PXE 服务器的网络。</translation>
    </message>
    <message>
        <source>The guest gets an empty CD-ROM drive: insert an ISO later, or install it some other way.</source>
        <translation>客户机将获得一个空光驱：稍后插入 ISO，或以其他方式安装。</translation>
    </message>
    <message>
        <source>The image becomes the boot disk; nothing is installed.</source>
        <translation>该映像将作为引导磁盘；不会安装任何东西。</translation>
    </message>
    <message>
        <source>Use %s</source>
        <translation>使用 %s</translation>
    </message>
    <message>
        <source>Where the guest&apos;s operating system comes from.</source>
        <translation>客户机操作系统的来源。</translation>
    </message>
</context>
<context>
    <name>IsoDetection</name>
    <message>
        <source>Detected from the ISO: %s (set on the first page).</source>
        <translation>从 ISO 检测到：%s（已在第一页设置）。</translation>
    </message>
    <message>
        <source>Detected from the ISO: %s.</source>
        <translation>从 ISO 检测到：%s。</translation>
    </message>
    <message>
        <source>Detecting the operating system needs a local file, and this connection&apos;s host is another machine: choose the operating system on the first page.</source>
        <translation>检测操作系统需要本机文件，而此连接的主机是另一台机器：请在第一页选择操作系统。</translation>
    </message>
    <message>
        <source>Detecting the operating system…</source>
        <translation>正在检测操作系统…</translation>
    </message>
    <message>
        <source>The ISO (volume %s) was not recognised: choose the operating system on the first page.</source>
        <translation>无法识别该 ISO（卷 %s）：请在第一页选择操作系统。</translation>
    </message>
    <message>
        <source>The ISO could not be read to detect its operating system: %s</source>
        <translation>无法读取该 ISO 以检测其操作系统：%s</translation>
    </message>
    <message>
        <source>The ISO holds %s; the first page says %s.</source>
        <translation>该 ISO 包含 %s；第一页选择的是 %s。</translation>
    </message>
    <message>
        <source>This file is not an ISO 9660 image: choose the operating system on the first page.</source>
        <translation>此文件不是 ISO 9660 映像：请在第一页选择操作系统。</translation>
    </message>
</context>
<context>
    <name>LeasesPage</name>
    <message numerus="yes">
        <source>%n lease(s)</source>
        <translation>
            <numerusform>%n 个租约</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the leases: %s</source>
        <translation>无法读取租约：%s</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>客户端 ID</translation>
    </message>
    <message>
        <source>DHCP leases are not available on this connection (its driver does not report them).</source>
        <translation>此连接不提供 DHCP 租约（其驱动不报告租约）。</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC 地址</translation>
    </message>
    <message>
        <source>Reading leases…</source>
        <translation>正在读取租约…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新加载</translation>
    </message>
    <message>
        <source>The network is not active: it hands out no leases.</source>
        <translation>该网络不活动：不会分配任何租约。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n object(s) selected</source>
        <translation>
            <numerusform>已选择 %n 个对象</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;About kvmgui</source>
        <translation>关于 kvmgui(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Collapse all</source>
        <translation>全部折叠(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Expand all</source>
        <translation>全部展开(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>筛选(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>C&amp;olumns</source>
        <translation>列(&amp;O)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Details pages</source>
        <translation>详细信息页面</translation>
    </message>
    <message>
        <source>Go to the &amp;list</source>
        <translation>转到列表(&amp;L)</translation>
    </message>
    <message>
        <source>Inventory</source>
        <translation>资源清单</translation>
    </message>
    <message>
        <source>Read the current connection&apos;s objects again</source>
        <translation>重新读取当前连接的对象</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>kvmgui</source>
        <translation>kvmgui</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>(Same bridge {bridges}, different VLANs.)</source>
        <translation>（同一网桥 {bridges}，不同 VLAN。）</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>（缺失）</translation>
    </message>
    <message>
        <source>A Ceph user needs the libvirt secret that holds its key (its usage name, e.g. client.libvirt secret).</source>
        <translation>Ceph 用户需要保存其密钥的 libvirt 密钥对象（填写其用途名称，例如 client.libvirt secret）。</translation>
    </message>
    <message>
        <source>A TPM</source>
        <translation>TPM</translation>
    </message>
    <message>
        <source>A comma needs a CPU on each side (write e.g. 0-3,^2,8).</source>
        <translation>逗号两边都需要一个 CPU（例如写成 0-3,^2,8）。</translation>
    </message>
    <message>
        <source>A drive on the {bus} bus cannot be plugged into or out of a running guest; virtio, SCSI and USB drives can.</source>
        <translation>{bus} 总线上的驱动器无法在虚拟机运行时插拔；virtio、SCSI 和 USB 驱动器可以。</translation>
    </message>
    <message>
        <source>A graphical display</source>
        <translation>图形显示</translation>
    </message>
    <message>
        <source>A guest with a graphical display needs a video card: libvirt would add a default one again. Remove the display first.</source>
        <translation>带图形显示的虚拟机需要显卡：libvirt 会再次添加默认显卡。请先移除图形显示。</translation>
    </message>
    <message>
        <source>A network boot (PXE) needs a network card.</source>
        <translation>网络引导（PXE）需要网卡。</translation>
    </message>
    <message>
        <source>A network named {name} already exists.</source>
        <translation>名为 {name} 的网络已存在。</translation>
    </message>
    <message>
        <source>A shared folder</source>
        <translation>共享文件夹</translation>
    </message>
    <message>
        <source>A snapshot named {name} already exists.</source>
        <translation>已存在名为 {name} 的快照。</translation>
    </message>
    <message>
        <source>A sound card</source>
        <translation>声卡</translation>
    </message>
    <message>
        <source>A storage pool named {name} already exists.</source>
        <translation>名为 {name} 的存储池已存在。</translation>
    </message>
    <message>
        <source>A video card</source>
        <translation>显卡</translation>
    </message>
    <message>
        <source>A virtual machine named {name} already exists.</source>
        <translation>名为 {name} 的虚拟机已存在。</translation>
    </message>
    <message>
        <source>An internal snapshot of a running guest needs a qcow2 disk to hold its memory; this guest has no writable disk.</source>
        <translation>运行中虚拟机的内部快照需要一个 qcow2 磁盘来保存内存；此虚拟机没有可写磁盘。</translation>
    </message>
    <message>
        <source>Another NIC of the guest already has the MAC address {mac}.</source>
        <translation>此虚拟机的另一个网卡已使用 MAC 地址 {mac}。</translation>
    </message>
    <message>
        <source>Another drive already uses the target {target}.</source>
        <translation>另一个驱动器已使用目标 {target}。</translation>
    </message>
    <message>
        <source>Another shared folder already uses the tag {tag}.</source>
        <translation>另一个共享文件夹已使用标记 {tag}。</translation>
    </message>
    <message>
        <source>Another virtual machine is named {name}.</source>
        <translation>已有另一个虚拟机名为 {name}。</translation>
    </message>
    <message>
        <source>Boot order {order} is used by more than one device.</source>
        <translation>引导顺序 {order} 被多个设备使用。</translation>
    </message>
    <message>
        <source>Both have a segment on VLAN {vlan}: they meet only if the switches outside this host join those segments.</source>
        <translation>两者都有位于 VLAN {vlan} 的网段：只有当宿主机外部的交换机连通这些网段时，它们才能互通。</translation>
    </message>
    <message>
        <source>Both leave the host through {uplink}; they may meet on the external switch, which the host cannot see.</source>
        <translation>两者都经 {uplink} 离开宿主机；它们可能在外部交换机上互通，但宿主机无法看到这一点。</translation>
    </message>
    <message>
        <source>Both virtual machines would write to {target} ({source}): running both corrupts it.</source>
        <translation>两台虚拟机都会写入 {target}（{source}）：同时运行会损坏它。</translation>
    </message>
    <message>
        <source>Bridge STP and delay only apply to isolated, NAT, routed and open networks, not to forward mode {mode}.</source>
        <translation>网桥的 STP 和延迟只适用于隔离、NAT、路由和开放网络，不适用于转发模式 {mode}。</translation>
    </message>
    <message>
        <source>Bridge {bridge} has no uplink: guests on it reach only each other and the host.</source>
        <translation>网桥 {bridge} 没有上行链路：其上的客户机只能互相访问以及访问宿主机。</translation>
    </message>
    <message>
        <source>CPU {cpus}</source>
        <translation>CPU {cpus}</translation>
    </message>
    <message>
        <source>CPU {cpu} is beyond any host (at most {max}).</source>
        <translation>CPU {cpu} 超出任何主机的范围（最多 {max}）。</translation>
    </message>
    <message>
        <source>CPUs {cpus}</source>
        <translation>CPU {cpus}</translation>
    </message>
    <message>
        <source>Choose a host device.</source>
        <translation>请选择一个主机设备。</translation>
    </message>
    <message>
        <source>Choose an active storage pool.</source>
        <translation>请选择一个活动的存储池。</translation>
    </message>
    <message>
        <source>Choose the device, e.g. /dev/sdb.</source>
        <translation>请选择设备，例如 /dev/sdb。</translation>
    </message>
    <message>
        <source>Choose the existing disk image.</source>
        <translation>请选择现有的磁盘映像。</translation>
    </message>
    <message>
        <source>Choose the host device the guests attach to.</source>
        <translation>请选择客户机要连接的宿主机设备。</translation>
    </message>
    <message>
        <source>Choose the installer ISO (a volume or a path).</source>
        <translation>请选择安装 ISO（卷或路径）。</translation>
    </message>
    <message>
        <source>Choose the network or bridge for the network card.</source>
        <translation>请为网卡选择网络或网桥。</translation>
    </message>
    <message>
        <source>Choose the network, bridge or host device to connect to.</source>
        <translation>请选择要连接的网络、网桥或主机设备。</translation>
    </message>
    <message>
        <source>Choose the storage pool for the new disk.</source>
        <translation>请为新磁盘选择存储池。</translation>
    </message>
    <message>
        <source>Choose where the pinning goes: the running virtual machine, its saved definition, or both.</source>
        <translation>请选择绑定应用到哪里：运行中的虚拟机、其保存的定义，或两者。</translation>
    </message>
    <message>
        <source>Current memory ({current} KiB) is more than the maximum memory ({memory} KiB); libvirt will lower it.</source>
        <translation>当前内存（{current} KiB）超过最大内存（{memory} KiB）；libvirt 会将其调低。</translation>
    </message>
    <message>
        <source>DHCP host {name}</source>
        <translation>DHCP 主机 {name}</translation>
    </message>
    <message>
        <source>DHCP range {range} of IP address {number} has a start or end that is not an IP address.</source>
        <translation>IP 地址 {number} 的 DHCP 范围 {range} 的起始或结束地址不是 IP 地址。</translation>
    </message>
    <message>
        <source>DHCP range {start}-{end} is outside the network {network}.</source>
        <translation>DHCP 范围 {start}-{end} 不在网络 {network} 内。</translation>
    </message>
    <message>
        <source>DHCP range {start}-{end} starts after it ends.</source>
        <translation>DHCP 范围 {start}-{end} 的起始地址在结束地址之后。</translation>
    </message>
    <message>
        <source>Disk {number} has no target device.</source>
        <translation>磁盘 {number} 没有目标设备。</translation>
    </message>
    <message>
        <source>Disk {number} uses target device {target}, which another disk already uses.</source>
        <translation>磁盘 {number} 使用的目标设备 {target} 已被另一个磁盘使用。</translation>
    </message>
    <message>
        <source>Enter at least one Ceph monitor.</source>
        <translation>请至少输入一个 Ceph 监视器。</translation>
    </message>
    <message>
        <source>Enter the exported path (NFS) or /volume name (GlusterFS).</source>
        <translation>请输入导出路径（NFS）或 /卷名称（GlusterFS）。</translation>
    </message>
    <message>
        <source>Enter the host bridge the guests join.</source>
        <translation>请输入客户机要加入的宿主机网桥。</translation>
    </message>
    <message>
        <source>Enter the host folder to share as an absolute path.</source>
        <translation>请以绝对路径输入要共享的主机文件夹。</translation>
    </message>
    <message>
        <source>Enter the iSCSI portal (host name or address).</source>
        <translation>请输入 iSCSI 门户（主机名或地址）。</translation>
    </message>
    <message>
        <source>Enter the name of the Ceph pool.</source>
        <translation>请输入 Ceph 池的名称。</translation>
    </message>
    <message>
        <source>Enter the name of the LVM volume group.</source>
        <translation>请输入 LVM 卷组的名称。</translation>
    </message>
    <message>
        <source>Enter the server that exports the file system.</source>
        <translation>请输入导出该文件系统的服务器。</translation>
    </message>
    <message>
        <source>Enter the tag the guest mounts the folder by.</source>
        <translation>请输入客户机挂载该文件夹所用的标记。</translation>
    </message>
    <message>
        <source>Enter the target IQN, e.g. iqn.2004-04.com.example:storage.</source>
        <translation>请输入目标 IQN，例如 iqn.2004-04.com.example:storage。</translation>
    </message>
    <message>
        <source>External snapshots are offered for disks that are files; not a file: {disks}.</source>
        <translation>外部快照只适用于文件形式的磁盘；以下不是文件：{disks}。</translation>
    </message>
    <message>
        <source>External snapshots are offered on QEMU/KVM hosts only.</source>
        <translation>外部快照仅适用于 QEMU/KVM 主机。</translation>
    </message>
    <message>
        <source>Forward mode {mode} needs at least one IP address.</source>
        <translation>转发模式 {mode} 至少需要一个 IP 地址。</translation>
    </message>
    <message>
        <source>IP address {address} does not match family {family}.</source>
        <translation>IP 地址 {address} 与地址族 {family} 不符。</translation>
    </message>
    <message>
        <source>IP address {address} has both a netmask and a prefix; use one.</source>
        <translation>IP 地址 {address} 同时设置了子网掩码和前缀；请只使用其中一个。</translation>
    </message>
    <message>
        <source>IP address {address} needs a netmask or prefix.</source>
        <translation>IP 地址 {address} 需要子网掩码或前缀。</translation>
    </message>
    <message>
        <source>IP address {number} does not parse: {value}</source>
        <translation>IP 地址 {number} 无法解析：{value}</translation>
    </message>
    <message>
        <source>Interface {number}: {vlan} (from the {source}) is not applied: libvirt does not tag {kind} connections, and it will refuse to start the guest.</source>
        <translation>接口 {number}：{vlan}（来自{source}）不会生效：libvirt 不会为 {kind} 连接打标签，并且会拒绝启动该客户机。</translation>
    </message>
    <message>
        <source>Interface {number}: {vlan} (from the {source}) is not applied: libvirt tags macvtap ports only in passthrough mode, not in {mode} mode, and it will refuse to start the guest.</source>
        <translation>接口 {number}：{vlan}（来自{source}）不会生效：libvirt 只在直通模式下为 macvtap 端口打标签，{mode} 模式下不会，并且会拒绝启动该客户机。</translation>
    </message>
    <message>
        <source>Interface {number}: {vlan} (from the {source}) is not applied: libvirt {version} tags ports on Linux bridges only from {since}, and it will refuse to start the guest.</source>
        <translation>接口 {number}：{vlan}（来自{source}）不会生效：libvirt {version} 从 {since} 起才为 Linux 网桥上的端口打标签，并且会拒绝启动该客户机。</translation>
    </message>
    <message>
        <source>Internal snapshots need every disk in qcow2 format; not qcow2: {disks}.</source>
        <translation>内部快照要求所有磁盘为 qcow2 格式；以下不是 qcow2：{disks}。</translation>
    </message>
    <message>
        <source>Internal snapshots of a UEFI (pflash) guest are not supported by libvirt {version}; take an external snapshot.</source>
        <translation>libvirt {version} 不支持 UEFI（pflash）虚拟机的内部快照；请创建外部快照。</translation>
    </message>
    <message>
        <source>Linux bridge</source>
        <translation>Linux 网桥</translation>
    </message>
    <message>
        <source>Memory ({memory} KiB) is more than the host has ({host} KiB).</source>
        <translation>内存（{memory} KiB）超过了宿主机的内存（{host} KiB）。</translation>
    </message>
    <message>
        <source>Memory must be at least 1 MiB.</source>
        <translation>内存至少为 1 MiB。</translation>
    </message>
    <message>
        <source>Memory must be greater than 0 KiB.</source>
        <translation>内存必须大于 0 KiB。</translation>
    </message>
    <message>
        <source>NAT</source>
        <translation>NAT</translation>
    </message>
    <message>
        <source>NAT / routed</source>
        <translation>NAT / 路由</translation>
    </message>
    <message>
        <source>NAT via {device}</source>
        <translation>经 {device} 的 NAT</translation>
    </message>
    <message>
        <source>Network {network} uses bridge {bridge}, which this host does not have.</source>
        <translation>网络 {network} 使用网桥 {bridge}，但此宿主机上没有该网桥。</translation>
    </message>
    <message>
        <source>No guest agent answers: install and start qemu-guest-agent in the guest to freeze its file systems during the snapshot.</source>
        <translation>没有客户机代理应答：请在客户机中安装并启动 qemu-guest-agent，以便在快照期间冻结其文件系统。</translation>
    </message>
    <message>
        <source>No password was given for the console.</source>
        <translation>未提供控制台密码。</translation>
    </message>
    <message>
        <source>None of {name}&apos;s network interfaces is connected (inactive network, link down or missing bridge).</source>
        <translation>{name} 的网络接口均未连接（网络不活动、链路断开或网桥缺失）。</translation>
    </message>
    <message>
        <source>Only CD-ROM and floppy drives have removable media.</source>
        <translation>只有光驱和软驱有可移动介质。</translation>
    </message>
    <message>
        <source>Only SCSI controllers can be plugged into or out of a running guest.</source>
        <translation>只有 SCSI 控制器可以在虚拟机运行时插拔。</translation>
    </message>
    <message>
        <source>Only USB and PCI serial ports can be plugged into or out of a running guest.</source>
        <translation>只有 USB 和 PCI 串口可以在虚拟机运行时插拔。</translation>
    </message>
    <message>
        <source>Only USB and virtio input devices can be plugged into or out of a running guest.</source>
        <translation>只有 USB 和 virtio 输入设备可以在虚拟机运行时插拔。</translation>
    </message>
    <message>
        <source>Only a running guest can freeze its file systems.</source>
        <translation>只有运行中的虚拟机才能冻结其文件系统。</translation>
    </message>
    <message>
        <source>Only a running or paused guest has memory to save.</source>
        <translation>只有运行中或已暂停的虚拟机才有可保存的内存。</translation>
    </message>
    <message>
        <source>Only an i6300esb watchdog can be plugged into or out of a running guest.</source>
        <translation>只有 i6300esb 看门狗可以在虚拟机运行时插拔。</translation>
    </message>
    <message>
        <source>Only one portgroup can be the default; {name} is another.</source>
        <translation>只能有一个默认端口组；{name} 也是默认端口组。</translation>
    </message>
    <message>
        <source>Only qcow2 volumes can have a backing volume.</source>
        <translation>只有 qcow2 卷才能有后备卷。</translation>
    </message>
    <message>
        <source>Only single CPUs can be taken out (^{first}, not ^{first}-{last}).</source>
        <translation>只能排除单个 CPU（^{first}，而不是 ^{first}-{last}）。</translation>
    </message>
    <message>
        <source>Only virtio consoles can be plugged into or out of a running guest.</source>
        <translation>只有 virtio 控制台可以在虚拟机运行时插拔。</translation>
    </message>
    <message>
        <source>Open vSwitch</source>
        <translation>Open vSwitch</translation>
    </message>
    <message>
        <source>Open vSwitch bridge</source>
        <translation>Open vSwitch 网桥</translation>
    </message>
    <message>
        <source>PCI device {address}</source>
        <translation>PCI 设备 {address}</translation>
    </message>
    <message>
        <source>Per-device boot order cannot be combined with &lt;os&gt;&lt;boot dev=..&gt; entries; use one or the other.</source>
        <translation>按设备的引导顺序不能与 &lt;os&gt;&lt;boot dev=..&gt; 条目同时使用；请二选一。</translation>
    </message>
    <message>
        <source>Physical volumes are device paths such as /dev/sdb.</source>
        <translation>物理卷是设备路径，例如 /dev/sdb。</translation>
    </message>
    <message>
        <source>Pool {pool} already has a volume named {name}.</source>
        <translation>存储池 {pool} 中已有名为 {name} 的卷。</translation>
    </message>
    <message>
        <source>Pool {pool} already has a volume named {volume}.</source>
        <translation>存储池 {pool} 中已有名为 {volume} 的卷。</translation>
    </message>
    <message>
        <source>Portgroup {name} has VLAN tags, which libvirt {version} rejects on a network in forward mode {mode} without Open vSwitch.</source>
        <translation>端口组 {name} 设置了 VLAN 标签，而 libvirt {version} 在不使用 Open vSwitch 的转发模式 {mode} 网络上会拒绝此设置。</translation>
    </message>
    <message>
        <source>Portgroup {number} has no name.</source>
        <translation>端口组 {number} 没有名称。</translation>
    </message>
    <message>
        <source>SR-IOV on {dev}</source>
        <translation>{dev} 上的 SR-IOV</translation>
    </message>
    <message>
        <source>The CPU topology gives {total} vCPUs but the maximum is {maximum}.</source>
        <translation>CPU 拓扑共有 {total} 个 vCPU，但最大值为 {maximum}。</translation>
    </message>
    <message>
        <source>The CPU topology needs sockets, cores and threads of at least 1 each.</source>
        <translation>CPU 拓扑的插槽数、核心数和线程数都至少为 1。</translation>
    </message>
    <message>
        <source>The IP address of {label} does not parse: {ip}</source>
        <translation>{label} 的 IP 地址无法解析：{ip}</translation>
    </message>
    <message>
        <source>The IP address {ip} of {label} is already used by another DHCP host.</source>
        <translation>{label} 的 IP 地址 {ip} 已被另一个 DHCP 主机使用。</translation>
    </message>
    <message>
        <source>The IP address {ip} of {label} is outside the network {network}.</source>
        <translation>{label} 的 IP 地址 {ip} 不在网络 {network} 内。</translation>
    </message>
    <message>
        <source>The MAC address of {label} is malformed: {value}</source>
        <translation>{label} 的 MAC 地址格式错误：{value}</translation>
    </message>
    <message>
        <source>The MAC address of {label} is multicast, not unicast: {value}</source>
        <translation>{label} 的 MAC 地址是组播地址，而不是单播地址：{value}</translation>
    </message>
    <message>
        <source>The MAC address {mac} of {label} is already used by another DHCP host.</source>
        <translation>{label} 的 MAC 地址 {mac} 已被另一个 DHCP 主机使用。</translation>
    </message>
    <message>
        <source>The PS/2 mouse and keyboard are part of the PC&apos;s chipset: libvirt always gives a PC guest them.</source>
        <translation>PS/2 鼠标和键盘是 PC 芯片组的一部分：libvirt 总会为 PC 虚拟机提供它们。</translation>
    </message>
    <message>
        <source>The VLAN settings of {label} have no VLAN id.</source>
        <translation>{label} 的 VLAN 设置中没有 VLAN ID。</translation>
    </message>
    <message>
        <source>The XML of {what} {name} could not be read: {error}</source>
        <translation>无法读取{what} {name} 的 XML：{error}</translation>
    </message>
    <message>
        <source>The allocation ({allocation} bytes) of a raw volume cannot exceed its capacity ({capacity} bytes).</source>
        <translation>raw 卷的分配量（{allocation} 字节）不能超过其容量（{capacity} 字节）。</translation>
    </message>
    <message>
        <source>The boot order of {tag} {number} must be a number from 1.</source>
        <translation>{tag} {number} 的引导顺序必须是从 1 开始的数字。</translation>
    </message>
    <message>
        <source>The connection names no host to reach the display on.</source>
        <translation>此连接没有指明可以访问显示的主机。</translation>
    </message>
    <message>
        <source>The console client failed to decode the screen ({error}).</source>
        <translation>控制台客户端无法解码屏幕画面（{error}）。</translation>
    </message>
    <message>
        <source>The console server asks for a kind of security this client does not support ({types}).</source>
        <translation>控制台服务器要求使用本客户端不支持的安全类型（{types}）。</translation>
    </message>
    <message>
        <source>The console server closed the connection during the handshake.</source>
        <translation>控制台服务器在握手期间关闭了连接。</translation>
    </message>
    <message>
        <source>The console server closed the connection.</source>
        <translation>控制台服务器关闭了连接。</translation>
    </message>
    <message>
        <source>The console server did not accept the password.</source>
        <translation>控制台服务器未接受该密码。</translation>
    </message>
    <message>
        <source>The console server refused the connection: {reason}</source>
        <translation>控制台服务器拒绝了连接：{reason}</translation>
    </message>
    <message>
        <source>The console server refused the login: {reason}</source>
        <translation>控制台服务器拒绝了登录：{reason}</translation>
    </message>
    <message>
        <source>The console server sent invalid data ({detail}).</source>
        <translation>控制台服务器发送了无效数据（{detail}）。</translation>
    </message>
    <message>
        <source>The console server speaks RFB {version}, which is too old.</source>
        <translation>控制台服务器使用的 RFB {version} 版本过旧。</translation>
    </message>
    <message>
        <source>The copies to {pool} may need up to {need}; it has {free} free.</source>
        <translation>复制到 {pool} 最多可能需要 {need}；其可用空间为 {free}。</translation>
    </message>
    <message>
        <source>The current number of vCPUs ({current}) is more than the maximum ({maximum}).</source>
        <translation>当前 vCPU 数（{current}）超过了最大值（{maximum}）。</translation>
    </message>
    <message>
        <source>The current number of vCPUs must be at least 1.</source>
        <translation>当前 vCPU 数至少为 1。</translation>
    </message>
    <message>
        <source>The display has no network listener (listen type none): only a connection on the host itself can open it.</source>
        <translation>显示没有网络监听（监听类型为 none）：只有主机本机上的连接才能打开它。</translation>
    </message>
    <message>
        <source>The display listens on a UNIX socket of the host ({path}): only an SSH connection can reach it.</source>
        <translation>显示监听主机的 UNIX 套接字（{path}）：只有 SSH 连接才能访问。</translation>
    </message>
    <message>
        <source>The display listens on the fixed port {port}: the clone cannot run while the original runs.</source>
        <translation>显示监听固定端口 {port}：原虚拟机运行时克隆无法运行。</translation>
    </message>
    <message>
        <source>The display listens only on the host&apos;s loopback address ({address}): connect to the host over SSH (qemu+ssh://) to reach it.</source>
        <translation>显示只监听主机的回环地址（{address}）：请通过 SSH（qemu+ssh://）连接主机以访问它。</translation>
    </message>
    <message>
        <source>The drive has no target device name.</source>
        <translation>该驱动器没有目标设备名。</translation>
    </message>
    <message>
        <source>The emulator threads</source>
        <translation>模拟器线程</translation>
    </message>
    <message>
        <source>The guest already has a TPM.</source>
        <translation>虚拟机已有 TPM。</translation>
    </message>
    <message>
        <source>The guest already has a channel for the QEMU guest agent.</source>
        <translation>虚拟机已有 QEMU 客户机代理通道。</translation>
    </message>
    <message>
        <source>The guest already has a channel named {name}.</source>
        <translation>虚拟机已有名为 {name} 的通道。</translation>
    </message>
    <message>
        <source>The guest already has a watchdog.</source>
        <translation>虚拟机已有看门狗。</translation>
    </message>
    <message>
        <source>The guest already has a {type} display.</source>
        <translation>虚拟机已有 {type} 显示。</translation>
    </message>
    <message>
        <source>The guest has no VNC display.</source>
        <translation>虚拟机没有 VNC 显示。</translation>
    </message>
    <message>
        <source>The host device {device} is already passed to this guest.</source>
        <translation>主机设备 {device} 已直通给此虚拟机。</translation>
    </message>
    <message>
        <source>The initiator name {iqn} does not start with iqn., eui. or naa.</source>
        <translation>发起方名称 {iqn} 不是以 iqn.、eui. 或 naa. 开头。</translation>
    </message>
    <message>
        <source>The install URL must look like https://host/path/installer.iso (http, https, ftp or ftps).</source>
        <translation>安装 URL 的格式应类似 https://host/path/installer.iso（http、https、ftp 或 ftps）。</translation>
    </message>
    <message>
        <source>The install URL must not have a query (?...): libvirt attaches only the path.</source>
        <translation>安装 URL 不能带查询参数（?...）：libvirt 只使用路径部分。</translation>
    </message>
    <message>
        <source>The memory file must be an absolute path on the host, e.g. /var/lib/libvirt/qemu/snapshot/vm.mem.</source>
        <translation>内存文件必须是主机上的绝对路径，例如 /var/lib/libvirt/qemu/snapshot/vm.mem。</translation>
    </message>
    <message>
        <source>The netmask of IP address {address} is not valid: {netmask}</source>
        <translation>IP 地址 {address} 的子网掩码无效：{netmask}</translation>
    </message>
    <message>
        <source>The new disk must be larger than 0 bytes.</source>
        <translation>新磁盘必须大于 0 字节。</translation>
    </message>
    <message>
        <source>The new file of disk {disk} must be an absolute path: {value}</source>
        <translation>磁盘 {disk} 的新文件必须是绝对路径：{value}</translation>
    </message>
    <message>
        <source>The number of vCPUs must be at least 1.</source>
        <translation>vCPU 数至少为 1。</translation>
    </message>
    <message>
        <source>The path {path} is not absolute: start it with /.</source>
        <translation>路径 {path} 不是绝对路径：请以 / 开头。</translation>
    </message>
    <message>
        <source>The portgroup name {name} is used more than once.</source>
        <translation>端口组名称 {name} 被多次使用。</translation>
    </message>
    <message>
        <source>The prefix of IP address {address} must be a number from 0 to {limit}: {prefix}</source>
        <translation>IP 地址 {address} 的前缀必须是 0 到 {limit} 之间的数字：{prefix}</translation>
    </message>
    <message>
        <source>The random number source must be a host device such as /dev/urandom.</source>
        <translation>随机数来源必须是主机设备，例如 /dev/urandom。</translation>
    </message>
    <message>
        <source>The range {first}-{last} runs backwards.</source>
        <translation>范围 {first}-{last} 是倒序的。</translation>
    </message>
    <message>
        <source>The remote screen is too large ({width}×{height}; the limit is {max_width}×{max_height}).</source>
        <translation>远程屏幕过大（{width}×{height}；上限为 {max_width}×{max_height}）。</translation>
    </message>
    <message>
        <source>The root PCI controller cannot be removed.</source>
        <translation>根 PCI 控制器无法移除。</translation>
    </message>
    <message>
        <source>The target name {iqn} does not start with iqn., eui. or naa.</source>
        <translation>目标名称 {iqn} 不是以 iqn.、eui. 或 naa. 开头。</translation>
    </message>
    <message>
        <source>The target path must be an absolute path, e.g. /var/lib/libvirt/images/{name}.</source>
        <translation>目标路径必须是绝对路径，例如 /var/lib/libvirt/images/{name}。</translation>
    </message>
    <message>
        <source>The test driver takes internal snapshots only.</source>
        <translation>测试驱动只支持内部快照。</translation>
    </message>
    <message>
        <source>The virtual machine is not running: the pinning can only be saved in its definition.</source>
        <translation>虚拟机未运行：绑定只能保存到其定义中。</translation>
    </message>
    <message>
        <source>The volume capacity must be greater than 0 bytes.</source>
        <translation>卷容量必须大于 0 字节。</translation>
    </message>
    <message>
        <source>The {what} ({value} {unit}) is more than libvirt can store ({limit} bytes at most).</source>
        <translation>{what}（{value} {unit}）超出了 libvirt 能保存的范围（最多 {limit} 字节）。</translation>
    </message>
    <message>
        <source>The {what} has an unknown unit &apos;{unit}&apos;.</source>
        <translation>{what}的单位 &apos;{unit}&apos; 未知。</translation>
    </message>
    <message>
        <source>The {what} is not a whole number of at least 0: &apos;{value}&apos;</source>
        <translation>{what}不是大于等于 0 的整数：&apos;{value}&apos;</translation>
    </message>
    <message>
        <source>The {what} name must not be empty.</source>
        <translation>{what}名称不能为空。</translation>
    </message>
    <message>
        <source>The {what} name must not contain &apos;/&apos;: {value}</source>
        <translation>{what}名称不能包含“/”：{value}</translation>
    </message>
    <message>
        <source>There is no domain named {name}.</source>
        <translation>没有名为 {name} 的虚拟机。</translation>
    </message>
    <message>
        <source>This console shows the first serial port; remove the serial port to remove it.</source>
        <translation>此控制台显示第一个串口；要移除它，请移除该串口。</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>此设备</translation>
    </message>
    <message>
        <source>This device goes away when the guest stops; it cannot be removed while the guest runs: {reason}</source>
        <translation>此设备在虚拟机停止时消失；虚拟机运行时无法移除：{reason}</translation>
    </message>
    <message>
        <source>This guest has no writable disk to put an overlay on.</source>
        <translation>此虚拟机没有可用于覆盖层的可写磁盘。</translation>
    </message>
    <message>
        <source>This guest has no writable disk to snapshot.</source>
        <translation>此虚拟机没有可创建快照的可写磁盘。</translation>
    </message>
    <message>
        <source>This guest is transient: it has no definition to change for its next boot, and {reason}</source>
        <translation>此虚拟机是临时的：它没有可在下次启动时更改的定义，并且{reason}</translation>
    </message>
    <message>
        <source>This host does not offer {type} guests for {arch}; it offers {offered}.</source>
        <translation>此主机不为 {arch} 提供 {type} 客户机；它提供 {offered}。</translation>
    </message>
    <message>
        <source>This host&apos;s driver ({driver}) cannot change the devices of a running guest.</source>
        <translation>此主机的驱动（{driver}）无法更改运行中虚拟机的设备。</translation>
    </message>
    <message>
        <source>This host&apos;s driver cannot hand over the display.</source>
        <translation>此主机的驱动无法转交显示。</translation>
    </message>
    <message>
        <source>This machine&apos;s CPU does not report hardware virtualization (vmx/svm): a kvm guest may pause at once (&quot;KVM internal error&quot;). Choose qemu (emulation) if it does.</source>
        <translation>本机 CPU 未报告硬件虚拟化（vmx/svm）：kvm 客户机可能会立即暂停（“KVM internal error”）。如果发生这种情况，请选择 qemu（模拟）。</translation>
    </message>
    <message>
        <source>This virtual machine is transient: it has no definition to save the pinning in.</source>
        <translation>此虚拟机是临时的：没有可保存绑定的定义。</translation>
    </message>
    <message>
        <source>Unknown memory snapshot location &apos;{value}&apos;.</source>
        <translation>未知的内存快照位置“{value}”。</translation>
    </message>
    <message>
        <source>Unknown snapshot location &apos;{value}&apos; of disk {disk}.</source>
        <translation>磁盘 {disk} 的快照位置“{value}”未知。</translation>
    </message>
    <message>
        <source>Unknown snapshot state &apos;{value}&apos;.</source>
        <translation>未知的快照状态“{value}”。</translation>
    </message>
    <message>
        <source>VEPA: guests reach each other only if the switch on {dev} reflects (hairpin)</source>
        <translation>VEPA：仅当 {dev} 上的交换机回送流量（hairpin）时，虚拟机之间才能互通</translation>
    </message>
    <message>
        <source>VLAN device</source>
        <translation>VLAN 设备</translation>
    </message>
    <message>
        <source>VLAN id {tag} of {label} is outside {low}-{high}.</source>
        <translation>{label} 的 VLAN ID {tag} 不在 {low}-{high} 范围内。</translation>
    </message>
    <message>
        <source>VLAN tags on a network in forward mode {mode} are rejected by libvirt {version}: use Open vSwitch (bridge mode with virtualport openvswitch), macvtap passthrough or hostdev.</source>
        <translation>libvirt {version} 会拒绝转发模式为 {mode} 的网络上的 VLAN 标签：请使用 Open vSwitch（带 virtualport openvswitch 的桥接模式）、macvtap 直通或 hostdev。</translation>
    </message>
    <message>
        <source>VLAN {tag}</source>
        <translation>VLAN {tag}</translation>
    </message>
    <message>
        <source>active</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>any CPU</source>
        <translation>任意 CPU</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>已阻塞</translation>
    </message>
    <message>
        <source>bond</source>
        <translation>绑定</translation>
    </message>
    <message>
        <source>bond ({mode})</source>
        <translation>绑定（{mode}）</translation>
    </message>
    <message>
        <source>bridge</source>
        <translation>桥接</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>已崩溃</translation>
    </message>
    <message>
        <source>current memory</source>
        <translation>当前内存</translation>
    </message>
    <message>
        <source>device (not listed)</source>
        <translation>设备（未列出）</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>直连</translation>
    </message>
    <message>
        <source>disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>虚拟机</translation>
    </message>
    <message>
        <source>down</source>
        <translation>断开</translation>
    </message>
    <message>
        <source>ethernet</source>
        <translation>以太网</translation>
    </message>
    <message>
        <source>host interface</source>
        <translation>宿主机接口</translation>
    </message>
    <message>
        <source>hostdev</source>
        <translation>主机设备</translation>
    </message>
    <message>
        <source>hostdev {nic}</source>
        <translation>主机设备 {nic}</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>不活动</translation>
    </message>
    <message>
        <source>interface</source>
        <translation>接口</translation>
    </message>
    <message>
        <source>interface {name}</source>
        <translation>接口 {name}</translation>
    </message>
    <message>
        <source>interface {number}</source>
        <translation>接口 {number}</translation>
    </message>
    <message>
        <source>isolated</source>
        <translation>隔离</translation>
    </message>
    <message>
        <source>libvirt applies VLAN tags to macvtap only in passthrough mode, not in {mode} mode</source>
        <translation>libvirt 只在直通模式下为 macvtap 打 VLAN 标签，{mode} 模式下不会</translation>
    </message>
    <message>
        <source>libvirt does not apply VLAN tags to {kind} connections</source>
        <translation>libvirt 不会为 {kind} 连接打 VLAN 标签</translation>
    </message>
    <message>
        <source>libvirt gives a guest without one a default memory balloon; to turn it off, set its model to none in the XML.</source>
        <translation>libvirt 会为没有内存气球的虚拟机提供默认的内存气球；要关闭它，请在 XML 中将其型号设为 none。</translation>
    </message>
    <message>
        <source>libvirt {version} applies VLAN tags on Linux bridges only from {since}</source>
        <translation>libvirt {version} 从 {since} 起才在 Linux 网桥上打 VLAN 标签</translation>
    </message>
    <message>
        <source>libvirt {version} on this host cannot delete external snapshots; libvirt 9.9 or later can.</source>
        <translation>此主机上的 libvirt {version} 无法删除外部快照；libvirt 9.9 或更高版本可以。</translation>
    </message>
    <message>
        <source>libvirt {version} on this host cannot revert to an external snapshot; libvirt 9.9 or later can.</source>
        <translation>此主机上的 libvirt {version} 无法还原到外部快照；libvirt 9.9 或更高版本可以。</translation>
    </message>
    <message>
        <source>libvirt {version} on this host cannot revert to or delete external snapshots; libvirt 9.9 or later can.</source>
        <translation>此主机上的 libvirt {version} 无法还原到或删除外部快照；libvirt 9.9 或更高版本可以。</translation>
    </message>
    <message>
        <source>linux bridge</source>
        <translation>Linux 网桥</translation>
    </message>
    <message>
        <source>macvtap</source>
        <translation>macvtap</translation>
    </message>
    <message>
        <source>macvtap on {dev}</source>
        <translation>{dev} 上的 macvtap</translation>
    </message>
    <message>
        <source>macvtap on {dev} (VEPA)</source>
        <translation>{dev} 上的 macvtap（VEPA）</translation>
    </message>
    <message>
        <source>macvtap on {dev} ({mode}, {nic})</source>
        <translation>{dev} 上的 macvtap（{mode}，{nic}）</translation>
    </message>
    <message>
        <source>macvtap without a device</source>
        <translation>未指定设备的 macvtap</translation>
    </message>
    <message>
        <source>macvtap {nic}</source>
        <translation>macvtap {nic}</translation>
    </message>
    <message>
        <source>macvtap: guests reach each other and the LAN on {dev}, not the host itself</source>
        <translation>macvtap：虚拟机之间以及与 {dev} 所在的局域网互通，但无法访问宿主机本身</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>missing bridge</source>
        <translation>缺失的网桥</translation>
    </message>
    <message>
        <source>missing network</source>
        <translation>缺失的网络</translation>
    </message>
    <message>
        <source>nat</source>
        <translation>NAT</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>network {name}</source>
        <translation>网络 {name}</translation>
    </message>
    <message>
        <source>no VLAN</source>
        <translation>无 VLAN</translation>
    </message>
    <message>
        <source>no state</source>
        <translation>无状态</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>not reported by libvirt (Open vSwitch)</source>
        <translation>libvirt 未报告（Open vSwitch）</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>open</source>
        <translation>开放</translation>
    </message>
    <message>
        <source>open (routed, no firewall)</source>
        <translation>开放（路由，无防火墙）</translation>
    </message>
    <message>
        <source>open (routed, no firewall) via {device}</source>
        <translation>经 {device} 开放（路由，无防火墙）</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>passthrough</source>
        <translation>直通</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>physical NIC</source>
        <translation>物理网卡</translation>
    </message>
    <message>
        <source>pool</source>
        <translation>存储池</translation>
    </message>
    <message>
        <source>portgroup</source>
        <translation>端口组</translation>
    </message>
    <message>
        <source>portgroup {name}</source>
        <translation>端口组 {name}</translation>
    </message>
    <message>
        <source>private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>route</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>routed</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>routed via {device}</source>
        <translation>经 {device} 路由</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>shut off</source>
        <translation>已关机</translation>
    </message>
    <message>
        <source>shutting down</source>
        <translation>正在关机</translation>
    </message>
    <message>
        <source>snapshot</source>
        <translation>快照</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>tagged</source>
        <translation>带标签</translation>
    </message>
    <message>
        <source>the network</source>
        <translation>该网络</translation>
    </message>
    <message>
        <source>trunk {tags}</source>
        <translation>Trunk {tags}</translation>
    </message>
    <message>
        <source>trunk {tags} (native {native} {mode})</source>
        <translation>Trunk {tags}（本征 VLAN {native}，{mode}）</translation>
    </message>
    <message>
        <source>trunk {tags} native {native}</source>
        <translation>Trunk {tags}，本征 {native}</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>untagged</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户模式</translation>
    </message>
    <message>
        <source>user-mode</source>
        <translation>用户模式</translation>
    </message>
    <message>
        <source>user-mode networking (NAT in the emulator)</source>
        <translation>用户模式网络（由模拟器做 NAT）</translation>
    </message>
    <message>
        <source>user-mode {nic}</source>
        <translation>用户模式 {nic}</translation>
    </message>
    <message>
        <source>vCPU {vcpu}</source>
        <translation>vCPU {vcpu}</translation>
    </message>
    <message>
        <source>vCPU {vcpu} does not exist: this virtual machine has {count}.</source>
        <translation>vCPU {vcpu} 不存在：此虚拟机有 {count} 个。</translation>
    </message>
    <message>
        <source>vCPU {vcpu} is not in the running virtual machine (it runs with {count} vCPUs).</source>
        <translation>vCPU {vcpu} 不在运行中的虚拟机里（它以 {count} 个 vCPU 运行）。</translation>
    </message>
    <message>
        <source>vdpa</source>
        <translation>vDPA</translation>
    </message>
    <message>
        <source>vepa</source>
        <translation>VEPA</translation>
    </message>
    <message>
        <source>vhostuser</source>
        <translation>vhost-user</translation>
    </message>
    <message>
        <source>virtual machine</source>
        <translation>虚拟机</translation>
    </message>
    <message>
        <source>volume</source>
        <translation>卷</translation>
    </message>
    <message>
        <source>volume allocation</source>
        <translation>卷分配量</translation>
    </message>
    <message>
        <source>volume capacity</source>
        <translation>卷容量</translation>
    </message>
    <message>
        <source>{address} DHCP {ranges}</source>
        <translation>{address} DHCP {ranges}</translation>
    </message>
    <message>
        <source>{count} device(s) use this controller ({devices}): remove them first.</source>
        <translation>有 {count} 个设备使用此控制器（{devices}）：请先移除它们。</translation>
    </message>
    <message>
        <source>{devices} both use VLAN {tag} on {parent}; Linux allows only one VLAN device per tag and parent.</source>
        <translation>{devices} 都在 {parent} 上使用 VLAN {tag}；Linux 对同一父设备的每个标签只允许一个 VLAN 设备。</translation>
    </message>
    <message>
        <source>{device} cannot be plugged into or out of a running guest.</source>
        <translation>{device}无法在虚拟机运行时插拔。</translation>
    </message>
    <message>
        <source>{domain} NIC {nic}</source>
        <translation>{domain} 的网卡 {nic}</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} 和 {second}</translation>
    </message>
    <message>
        <source>{first} and {second} share segment {segment}.</source>
        <translation>{first} 和 {second} 共享网段 {segment}。</translation>
    </message>
    <message>
        <source>{first} is on {first_segments}; {second} is on {second_segments}. They share no layer-2 segment, so traffic between them needs a router.</source>
        <translation>{first} 位于 {first_segments}；{second} 位于 {second_segments}。它们没有共享的二层网段，因此它们之间的流量需要经过路由器。</translation>
    </message>
    <message>
        <source>{list}, {item}</source>
        <translation>{list}、{item}</translation>
    </message>
    <message>
        <source>{mac} is a multicast address; a NIC needs a unicast one.</source>
        <translation>{mac} 是多播地址；网卡需要单播地址。</translation>
    </message>
    <message>
        <source>{mac} is not a MAC address (six hex pairs, e.g. 52:54:00:12:34:56).</source>
        <translation>{mac} 不是 MAC 地址（六组十六进制数，例如 52:54:00:12:34:56）。</translation>
    </message>
    <message>
        <source>{mode} · inactive</source>
        <translation>{mode} · 不活动</translation>
    </message>
    <message>
        <source>{mode} · {bridge}</source>
        <translation>{mode} · {bridge}</translation>
    </message>
    <message>
        <source>{mode} · {bridge} · inactive</source>
        <translation>{mode} · {bridge} · 不活动</translation>
    </message>
    <message>
        <source>{name} has no network interface.</source>
        <translation>{name} 没有网络接口。</translation>
    </message>
    <message>
        <source>{name} is the same domain.</source>
        <translation>{name} 是同一个虚拟机。</translation>
    </message>
    <message>
        <source>{name} is {state}: its network interfaces are not connected.</source>
        <translation>{name} {state}：其网络接口未连接。</translation>
    </message>
    <message>
        <source>{nic} asks for portgroup {portgroup}, which network {network} does not have.</source>
        <translation>{nic} 请求端口组 {portgroup}，但网络 {network} 中没有该端口组。</translation>
    </message>
    <message>
        <source>{nic} asks for {vlan} (from the {source}), but {why}. The port is untagged, and libvirt refuses to start the guest with this setting (&quot;vlan tag not supported for this connection type&quot;).</source>
        <translation>{nic} 请求 {vlan}（来自{source}），但 {why}。该端口不带标签，并且 libvirt 会拒绝以此设置启动客户机（“vlan tag not supported for this connection type”）。</translation>
    </message>
    <message>
        <source>{nic} is on network {network}, which is not active: the NIC is disconnected.</source>
        <translation>{nic} 位于网络 {network}，但该网络不活动：网卡处于断开状态。</translation>
    </message>
    <message>
        <source>{nic} is on network {network}, which is not active: the domain will not start until the network is started.</source>
        <translation>{nic} 位于网络 {network}，但该网络不活动：在网络启动之前，该虚拟机无法启动。</translation>
    </message>
    <message>
        <source>{nic} is plugged into bridge {bridge}, which this host does not have.</source>
        <translation>{nic} 连接到网桥 {bridge}，但此宿主机上没有该网桥。</translation>
    </message>
    <message>
        <source>{nic} uses network {network}, which does not exist.</source>
        <translation>{nic} 使用网络 {network}，但该网络不存在。</translation>
    </message>
    <message>
        <source>{note}.</source>
        <translation>{note}。</translation>
    </message>
    <message>
        <source>{parent} VLAN {tag}</source>
        <translation>{parent} VLAN {tag}</translation>
    </message>
    <message>
        <source>{row} needs at least one host CPU.</source>
        <translation>{row} 至少需要一个主机 CPU。</translation>
    </message>
    <message>
        <source>{row}: the saved pin is not understood: {reason}</source>
        <translation>{row}：无法理解已保存的绑定：{reason}</translation>
    </message>
    <message>
        <source>{row}: {old} → {new}</source>
        <translation>{row}：{old} → {new}</translation>
    </message>
    <message>
        <source>{sentence} {more}</source>
        <translation>{sentence}{more}</translation>
    </message>
    <message>
        <source>{type} connection</source>
        <translation>{type} 连接</translation>
    </message>
    <message>
        <source>{type} {nic}</source>
        <translation>{type} {nic}</translation>
    </message>
    <message>
        <source>{uplinks} + {uplink}</source>
        <translation>{uplinks} + {uplink}</translation>
    </message>
    <message>
        <source>{vlan} from {source}, applied</source>
        <translation>{vlan}（来自{source}，已生效）</translation>
    </message>
    <message>
        <source>{vlan} from {source}, not applied</source>
        <translation>{vlan}（来自{source}，未生效）</translation>
    </message>
    <message>
        <source>{vlan} · default</source>
        <translation>{vlan} · 默认</translation>
    </message>
    <message>
        <source>{vlan}, applied</source>
        <translation>{vlan}（已生效）</translation>
    </message>
    <message>
        <source>{vlan}, not applied</source>
        <translation>{vlan}（未生效）</translation>
    </message>
    <message>
        <source>{where} · VLAN {vlan}</source>
        <translation>{where} · VLAN {vlan}</translation>
    </message>
    <message>
        <source>{where} · untagged</source>
        <translation>{where} · 无标签</translation>
    </message>
    <message>
        <source>“{item}” is not a CPU number or range (write e.g. 0-3,^2,8).</source>
        <translation>“{item}”不是 CPU 编号或范围（例如写成 0-3,^2,8）。</translation>
    </message>
</context>
<context>
    <name>NetworkActions</name>
    <message>
        <source>&amp;Start network</source>
        <translation>启动网络(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Undefine network…</source>
        <translation>取消定义网络(&amp;U)…</translation>
    </message>
    <message>
        <source>Disable autostart</source>
        <translation>禁用自动启动</translation>
    </message>
    <message>
        <source>Domains with NICs on %s: %s</source>
        <translation>在 %s 上有网卡的虚拟机：%s</translation>
    </message>
    <message>
        <source>Enable autostart</source>
        <translation>启用自动启动</translation>
    </message>
    <message>
        <source>Guests on it lose their connection until it is started again.</source>
        <translation>其上的客户机将失去连接，直到网络重新启动。</translation>
    </message>
    <message>
        <source>No domain has a NIC on it.</source>
        <translation>没有虚拟机在其上有网卡。</translation>
    </message>
    <message>
        <source>S&amp;top network</source>
        <translation>停止网络(&amp;T)</translation>
    </message>
    <message numerus="yes">
        <source>Start %n network(s) with the host?</source>
        <translation>
            <numerusform>让 %n 个网络随宿主机启动？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Start %n network(s)?</source>
        <translation>
            <numerusform>启动 %n 个网络？</numerusform>
        </translation>
    </message>
    <message>
        <source>Start network</source>
        <translation>启动网络</translation>
    </message>
    <message numerus="yes">
        <source>Stop %n network(s)?</source>
        <translation>
            <numerusform>停止 %n 个网络？</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop network</source>
        <translation>停止网络</translation>
    </message>
    <message numerus="yes">
        <source>Stop starting %n network(s) with the host?</source>
        <translation>
            <numerusform>不再让 %n 个网络随宿主机启动？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undefine %n network(s)?</source>
        <translation>
            <numerusform>取消定义 %n 个网络？</numerusform>
        </translation>
    </message>
    <message>
        <source>Undefine network</source>
        <translation>取消定义网络</translation>
    </message>
    <message>
        <source>libvirt forgets the network (an active one is stopped first).</source>
        <translation>libvirt 将删除此网络的记录（活动的网络会先被停止）。</translation>
    </message>
    <message>
        <source>setting autostart…</source>
        <translation>正在设置自动启动…</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>undefining…</source>
        <translation>正在取消定义…</translation>
    </message>
</context>
<context>
    <name>NetworkEditor</name>
    <message>
        <source>%s is running: the new definition takes effect when the network is restarted.</source>
        <translation>%s 正在运行：新定义将在网络重新启动后生效。</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Portgroups and hosts</source>
        <translation>端口组和主机(&amp;P)</translation>
    </message>
    <message>
        <source>Autostart: off</source>
        <translation>自动启动：关</translation>
    </message>
    <message>
        <source>Autostart: on</source>
        <translation>自动启动：开</translation>
    </message>
    <message>
        <source>Edit Network %s</source>
        <translation>编辑网络 %s</translation>
    </message>
    <message>
        <source>New Network</source>
        <translation>新建网络</translation>
    </message>
</context>
<context>
    <name>NetworkGeneralTab</name>
    <message>
        <source>&amp;Bridge:</source>
        <translation>网桥(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>模式(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Bridge to a host bridge</source>
        <translation>桥接到宿主机网桥</translation>
    </message>
    <message>
        <source>DHCP from</source>
        <translation>DHCP 范围从</translation>
    </message>
    <message>
        <source>DNS do&amp;main:</source>
        <translation>DNS 域(&amp;M)：</translation>
    </message>
    <message>
        <source>Each guest gets a host device of its own (SR-IOV virtual functions or spare NICs).</source>
        <translation>每个客户机独占一个宿主机设备（SR-IOV 虚拟功能或空闲网卡）。</translation>
    </message>
    <message>
        <source>Guests join an existing bridge on the host; libvirt does not give it addresses or DHCP.</source>
        <translation>客户机加入宿主机上现有的网桥；libvirt 不为其分配地址，也不提供 DHCP。</translation>
    </message>
    <message>
        <source>Guests sit directly on the host device, without a bridge; they cannot talk to the host through it.</source>
        <translation>客户机直接连接到宿主机设备，不经过网桥；它们无法通过该设备与宿主机通信。</translation>
    </message>
    <message>
        <source>Host &amp;device:</source>
        <translation>宿主机设备(&amp;D)：</translation>
    </message>
    <message>
        <source>IPv&amp;4 address:</source>
        <translation>IPv4 地址(&amp;4)：</translation>
    </message>
    <message>
        <source>IPv6 as well</source>
        <translation>同时使用 IPv6</translation>
    </message>
    <message>
        <source>Isolated (guests and host only)</source>
        <translation>隔离（仅客户机和宿主机）</translation>
    </message>
    <message>
        <source>Macvtap VEPA</source>
        <translation>Macvtap VEPA</translation>
    </message>
    <message>
        <source>Macvtap bridge on a host device</source>
        <translation>宿主机设备上的 Macvtap 桥接</translation>
    </message>
    <message>
        <source>Macvtap passthrough</source>
        <translation>Macvtap 直通</translation>
    </message>
    <message>
        <source>Macvtap private</source>
        <translation>Macvtap 私有</translation>
    </message>
    <message>
        <source>NAT (guests share the host&apos;s address)</source>
        <translation>NAT（客户机共享宿主机的地址）</translation>
    </message>
    <message>
        <source>Open (routed, no firewall rules)</source>
        <translation>开放（路由，无防火墙规则）</translation>
    </message>
    <message>
        <source>Routed (the host routes the subnet)</source>
        <translation>路由（由宿主机路由该子网）</translation>
    </message>
    <message>
        <source>Start the network now</source>
        <translation>立即启动网络</translation>
    </message>
    <message>
        <source>Start the network when the host boots</source>
        <translation>宿主机启动时启动此网络</translation>
    </message>
    <message>
        <source>The bridge is an Open vSwitch bridge</source>
        <translation>该网桥是 Open vSwitch 网桥</translation>
    </message>
    <message>
        <source>any (the host&apos;s routing decides)</source>
        <translation>任意（由宿主机的路由决定）</translation>
    </message>
    <message>
        <source>assigned by libvirt (virbrN)</source>
        <translation>由 libvirt 分配（virbrN）</translation>
    </message>
    <message>
        <source>e.g. br0</source>
        <translation>例如 br0</translation>
    </message>
    <message>
        <source>e.g. eth0</source>
        <translation>例如 eth0</translation>
    </message>
    <message>
        <source>e.g. lab.internal (optional)</source>
        <translation>例如 lab.internal（可选）</translation>
    </message>
    <message>
        <source>libvirt cannot rename a network</source>
        <translation>libvirt 无法重命名网络</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
</context>
<context>
    <name>NetworkPortsTab</name>
    <message>
        <source>&amp;Add portgroup</source>
        <translation>添加端口组(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Add &amp;host</source>
        <translation>添加主机(&amp;H)</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC 地址</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Open vSwitch</source>
        <translation>Open vSwitch</translation>
    </message>
    <message>
        <source>Portgroups</source>
        <translation>端口组</translation>
    </message>
    <message>
        <source>Portgroups (guests pick one; its VLAN applies to them)</source>
        <translation>端口组（客户机选择其一；其 VLAN 适用于该客户机）</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>Static DHCP hosts</source>
        <translation>静态 DHCP 主机</translation>
    </message>
    <message>
        <source>Static DHCP hosts (IPv4)</source>
        <translation>静态 DHCP 主机（IPv4）</translation>
    </message>
    <message>
        <source>Trunk</source>
        <translation>Trunk</translation>
    </message>
    <message>
        <source>VLAN tags</source>
        <translation>VLAN 标签</translation>
    </message>
</context>
<context>
    <name>NewVmWizard</name>
    <message>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
    <message>
        <source>New Virtual Machine</source>
        <translation>新建虚拟机</translation>
    </message>
    <message>
        <source>Starting network %s…</source>
        <translation>正在启动网络 %s…</translation>
    </message>
    <message>
        <source>The virtual machine was created, but it did not start:
%s</source>
        <translation>虚拟机已创建，但未能启动：
%s</translation>
    </message>
    <message>
        <source>libvirt could not start network %s; nothing was created:
%s</source>
        <translation>libvirt 无法启动网络 %s；未创建任何内容：
%s</translation>
    </message>
    <message>
        <source>libvirt refused to create the virtual machine; nothing was created:
%s</source>
        <translation>libvirt 拒绝创建虚拟机；未创建任何内容：
%s</translation>
    </message>
</context>
<context>
    <name>NicForm</name>
    <message>
        <source>&amp;Connect to:</source>
        <translation>连接到(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>型号(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <source>Host bridge</source>
        <translation>主机网桥</translation>
    </message>
    <message>
        <source>Host device (macvtap)</source>
        <translation>主机设备（macvtap）</translation>
    </message>
    <message>
        <source>M&amp;AC address:</source>
        <translation>MAC 地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Virtual network</source>
        <translation>虚拟网络</translation>
    </message>
    <message>
        <source>chosen by libvirt</source>
        <translation>由 libvirt 选择</translation>
    </message>
</context>
<context>
    <name>ObjectActions</name>
    <message>
        <source>another action on it is under way</source>
        <translation>另一个操作正在进行中</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>not possible in its current state</source>
        <translation>当前状态下无法执行</translation>
    </message>
</context>
<context>
    <name>OsPage</name>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Operating system:</source>
        <translation>操作系统(&amp;O)：</translation>
    </message>
    <message>
        <source>Generic or unknown OS</source>
        <translation>通用或未知操作系统</translation>
    </message>
    <message>
        <source>Name and operating system</source>
        <translation>名称和操作系统</translation>
    </message>
    <message>
        <source>Operating systems</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Recommended: %s memory, %s vCPU(s), %s disk</source>
        <translation>推荐：内存 %s，%s 个 vCPU，磁盘 %s</translation>
    </message>
    <message>
        <source>Search: debian, ubuntu 22.04, win11, …</source>
        <translation>搜索：debian、ubuntu 22.04、win11…</translation>
    </message>
    <message>
        <source>Show systems past their end of life</source>
        <translation>显示已终止支持的系统</translation>
    </message>
    <message>
        <source>The operating system sets the recommended memory, vCPUs and disk size.</source>
        <translation>操作系统决定推荐的内存、vCPU 数和磁盘大小。</translation>
    </message>
    <message>
        <source>e.g. web03</source>
        <translation>例如 web03</translation>
    </message>
</context>
<context>
    <name>PathChooser</name>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a disk image</source>
        <translation>选择磁盘映像</translation>
    </message>
    <message>
        <source>Choose a file on this machine</source>
        <translation>选择本机上的文件</translation>
    </message>
    <message>
        <source>Choose a volume of one of the host&apos;s storage pools</source>
        <translation>从主机的存储池中选择一个卷</translation>
    </message>
    <message>
        <source>Choose an ISO image</source>
        <translation>选择 ISO 映像</translation>
    </message>
    <message>
        <source>Disk images (*.qcow2 *.img *.raw *.vmdk *.vdi *.vhd *.vhdx)</source>
        <translation>磁盘映像 (*.qcow2 *.img *.raw *.vmdk *.vdi *.vhd *.vhdx)</translation>
    </message>
    <message>
        <source>ISO images (*.iso *.ISO)</source>
        <translation>ISO 映像 (*.iso *.ISO)</translation>
    </message>
    <message>
        <source>The host is another machine: choose one of its volumes, or type the path on the host</source>
        <translation>主机是另一台机器：请选择它的一个卷，或输入主机上的路径</translation>
    </message>
    <message>
        <source>Volume…</source>
        <translation>卷…</translation>
    </message>
    <message>
        <source>choose a volume or type a path</source>
        <translation>选择卷或输入路径</translation>
    </message>
</context>
<context>
    <name>PerfTexts</name>
    <message>
        <source> · pinned to %s</source>
        <translation> · 绑定到 %s</translation>
    </message>
    <message>
        <source>%d h</source>
        <translation>%d 小时</translation>
    </message>
    <message>
        <source>%d min</source>
        <translation>%d 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%n vCPU(s)</source>
        <translation>
            <numerusform>%n 个 vCPU</numerusform>
        </translation>
    </message>
    <message>
        <source>CPU %d</source>
        <translation>CPU %d</translation>
    </message>
    <message>
        <source>CPU %d (offline)</source>
        <translation>CPU %d（离线）</translation>
    </message>
    <message>
        <source>Not on a CPU</source>
        <translation>未在 CPU 上运行</translation>
    </message>
    <message>
        <source>every %s s</source>
        <translation>每 %s 秒</translation>
    </message>
    <message>
        <source>thread %d</source>
        <translation>线程 %d</translation>
    </message>
    <message>
        <source>thread unknown</source>
        <translation>线程未知</translation>
    </message>
    <message>
        <source>vCPU %d</source>
        <translation>vCPU %d</translation>
    </message>
    <message>
        <source>vCPU %d (thread %d)</source>
        <translation>vCPU %d（线程 %d）</translation>
    </message>
    <message>
        <source>vCPU %d → %s on CPU %d</source>
        <translation>vCPU %d → %s，在 CPU %d 上</translation>
    </message>
    <message>
        <source>vCPU %d → %s, not on a CPU</source>
        <translation>vCPU %d → %s，未在 CPU 上运行</translation>
    </message>
</context>
<context>
    <name>PerformanceFeature</name>
    <message>
        <source>Host CPU</source>
        <translation>宿主机 CPU</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>性能</translation>
    </message>
    <message>
        <source>Sample every running domain and draw its recent CPU and memory use in the list</source>
        <translation>对每个运行中的虚拟机采样，并在列表中绘制其近期的 CPU 和内存使用情况</translation>
    </message>
    <message>
        <source>Show CPU and memory sparklines</source>
        <translation>显示 CPU 和内存迷你图</translation>
    </message>
</context>
<context>
    <name>PinningApply</name>
    <message numerus="yes">
        <source>%n pin(s) changed on the running virtual machine.</source>
        <translation>
            <numerusform>运行中的虚拟机上更改了 %n 个绑定。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pin(s) saved in the definition.</source>
        <translation>
            <numerusform>定义中保存了 %n 个绑定。</numerusform>
        </translation>
    </message>
    <message>
        <source>Another client changed the definition meanwhile, so nothing was changed. The pins were read again: check them and apply once more.</source>
        <translation>另一个客户端同时修改了定义，因此未做任何更改。已重新读取绑定：请检查后再次应用。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Apply vCPU pinning</source>
        <translation>应用 vCPU 绑定</translation>
    </message>
    <message>
        <source>In the definition, from the next start:</source>
        <translation>在定义中，从下次启动起：</translation>
    </message>
    <message>
        <source>Not applied: %s</source>
        <translation>未应用：%s</translation>
    </message>
    <message>
        <source>Nothing needed to change.</source>
        <translation>无需更改。</translation>
    </message>
    <message>
        <source>Now, on the running virtual machine:</source>
        <translation>现在，在运行中的虚拟机上：</translation>
    </message>
    <message>
        <source>These pins change:</source>
        <translation>以下绑定将更改：</translation>
    </message>
    <message>
        <source>libvirt refused the pinning; nothing was changed: %s</source>
        <translation>libvirt 拒绝了绑定；未做任何更改：%s</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>PinningModel</name>
    <message>
        <source>(offline)</source>
        <translation>（离线）</translation>
    </message>
    <message>
        <source>CPU %d</source>
        <translation>CPU %d</translation>
    </message>
    <message>
        <source>Emulator</source>
        <translation>模拟器</translation>
    </message>
    <message>
        <source>Host CPUs this row may run on, e.g. 0-3,^2 (double-click to type)</source>
        <translation>此行可运行的主机 CPU，例如 0-3,^2（双击输入）</translation>
    </message>
    <message>
        <source>NUMA node %d</source>
        <translation>NUMA 节点 %d</translation>
    </message>
    <message>
        <source>Pinned to</source>
        <translation>绑定到</translation>
    </message>
    <message>
        <source>QEMU&apos;s own threads (I/O, device emulation)</source>
        <translation>QEMU 自身的线程（I/O、设备模拟）</translation>
    </message>
    <message>
        <source>Ran on</source>
        <translation>运行于</translation>
    </message>
    <message>
        <source>any CPU</source>
        <translation>任意 CPU</translation>
    </message>
    <message>
        <source>core %d</source>
        <translation>核心 %d</translation>
    </message>
    <message>
        <source>socket %d</source>
        <translation>插槽 %d</translation>
    </message>
    <message>
        <source>vCPU %d</source>
        <translation>vCPU %d</translation>
    </message>
    <message>
        <source>vCPU %d ran here at the last sample</source>
        <translation>上次采样时 vCPU %d 在此运行</translation>
    </message>
    <message>
        <source>vCPU %d ran on CPU %d at the last sample</source>
        <translation>上次采样时 vCPU %d 在 CPU %d 上运行</translation>
    </message>
</context>
<context>
    <name>PinningPage</name>
    <message>
        <source>%s: %s from its next start (saved)</source>
        <translation>%s：从下次启动起为 %s（已保存）</translation>
    </message>
    <message>
        <source>Apply to the running virtual machine now</source>
        <translation>立即应用到运行中的虚拟机</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>应用…</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Could not read the pins: %s</source>
        <translation>无法读取绑定：%s</translation>
    </message>
    <message>
        <source>NUMA node %1 · socket %2</source>
        <translation>NUMA 节点 %1 · 插槽 %2</translation>
    </message>
    <message>
        <source>NUMA node %d</source>
        <translation>NUMA 节点 %d</translation>
    </message>
    <message>
        <source>Nothing to apply: the pins are like this already.</source>
        <translation>无需应用：绑定已是如此。</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Save in its definition</source>
        <translation>保存到其定义中</translation>
    </message>
    <message>
        <source>Showing the pins of the running virtual machine.</source>
        <translation>显示运行中虚拟机的绑定。</translation>
    </message>
    <message>
        <source>Showing the pins saved in the definition (it is not running).</source>
        <translation>显示定义中保存的绑定（虚拟机未运行）。</translation>
    </message>
    <message>
        <source>Tick the host CPUs each vCPU and the emulator threads may run on; all ticked is no pin. %s marks the CPU a vCPU ran on at the last sample.</source>
        <translation>勾选每个 vCPU 及模拟器线程可运行的主机 CPU；全部勾选即不绑定。%s 标记上次采样时 vCPU 所在的 CPU。</translation>
    </message>
</context>
<context>
    <name>PoolActions</name>
    <message>
        <source>%s: active, so it is stopped first; domains using its volumes lose access to them.</source>
        <translation>%s：处于活动状态，因此会先停止；使用其存储卷的虚拟机将无法访问这些卷。</translation>
    </message>
    <message>
        <source>%s: destroys the ZFS pool and all its data.</source>
        <translation>%s：销毁 ZFS 池及其全部数据。</translation>
    </message>
    <message>
        <source>%s: removes the LVM volume group; every logical volume in it is lost.</source>
        <translation>%s：删除 LVM 卷组；其中的所有逻辑卷都将丢失。</translation>
    </message>
    <message>
        <source>%s: removes the pool&apos;s directory (libvirt refuses while it holds files).</source>
        <translation>%s：删除存储池的目录（目录中仍有文件时 libvirt 会拒绝）。</translation>
    </message>
    <message>
        <source>%s: the storage backend decides what is removed (it may refuse).</source>
        <translation>%s：由存储后端决定删除什么（可能会拒绝）。</translation>
    </message>
    <message>
        <source>&amp;Build pool</source>
        <translation>构建存储池(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Delete pool storage…</source>
        <translation>删除存储池的存储(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Refresh pool</source>
        <translation>刷新存储池(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Start pool</source>
        <translation>启动存储池(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Undefine pool…</source>
        <translation>取消定义存储池(&amp;U)…</translation>
    </message>
    <message numerus="yes">
        <source>Build %n pool(s)?</source>
        <translation>
            <numerusform>构建 %n 个存储池？</numerusform>
        </translation>
    </message>
    <message>
        <source>Build pool</source>
        <translation>构建存储池</translation>
    </message>
    <message>
        <source>Create the pool&apos;s underlying storage (directory, volume group, …)</source>
        <translation>创建存储池的底层存储（目录、卷组等）</translation>
    </message>
    <message>
        <source>Delete pool storage</source>
        <translation>删除存储池的存储</translation>
    </message>
    <message numerus="yes">
        <source>Delete the storage of %n pool(s)?</source>
        <translation>
            <numerusform>删除 %n 个存储池的存储？</numerusform>
        </translation>
    </message>
    <message>
        <source>Disable autostart</source>
        <translation>禁用自动启动</translation>
    </message>
    <message>
        <source>Domains using their volumes lose access to them; the data stays.</source>
        <translation>使用其中卷的虚拟机将无法访问这些卷；数据会保留。</translation>
    </message>
    <message>
        <source>Enable autostart</source>
        <translation>启用自动启动</translation>
    </message>
    <message numerus="yes">
        <source>Refresh %n pool(s)?</source>
        <translation>
            <numerusform>刷新 %n 个存储池？</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh pool</source>
        <translation>刷新存储池</translation>
    </message>
    <message>
        <source>Remove the pool&apos;s underlying storage; an active pool is stopped first</source>
        <translation>删除存储池的底层存储；活动的存储池会先被停止</translation>
    </message>
    <message>
        <source>S&amp;top pool</source>
        <translation>停止存储池(&amp;T)</translation>
    </message>
    <message numerus="yes">
        <source>Start %n pool(s) with the host?</source>
        <translation>
            <numerusform>让 %n 个存储池随宿主机启动？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Start %n pool(s)?</source>
        <translation>
            <numerusform>启动 %n 个存储池？</numerusform>
        </translation>
    </message>
    <message>
        <source>Start pool</source>
        <translation>启动存储池</translation>
    </message>
    <message numerus="yes">
        <source>Stop %n pool(s)?</source>
        <translation>
            <numerusform>停止 %n 个存储池？</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop pool</source>
        <translation>停止存储池</translation>
    </message>
    <message numerus="yes">
        <source>Stop starting %n pool(s) with the host?</source>
        <translation>
            <numerusform>不再让 %n 个存储池随宿主机启动？</numerusform>
        </translation>
    </message>
    <message>
        <source>This removes data, not only libvirt&apos;s record:</source>
        <translation>这会删除数据，而不仅是 libvirt 中的记录：</translation>
    </message>
    <message numerus="yes">
        <source>Undefine %n pool(s)?</source>
        <translation>
            <numerusform>取消定义 %n 个存储池？</numerusform>
        </translation>
    </message>
    <message>
        <source>Undefine pool</source>
        <translation>取消定义存储池</translation>
    </message>
    <message>
        <source>building…</source>
        <translation>正在构建…</translation>
    </message>
    <message>
        <source>deleting…</source>
        <translation>正在删除…</translation>
    </message>
    <message>
        <source>libvirt forgets the pool (an active pool is stopped first); its volumes and data stay where they are.</source>
        <translation>libvirt 将删除此存储池的记录（活动的存储池会先被停止）；其中的卷和数据保持不变。</translation>
    </message>
    <message>
        <source>refreshing…</source>
        <translation>正在刷新…</translation>
    </message>
    <message>
        <source>setting autostart…</source>
        <translation>正在设置自动启动…</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>undefining…</source>
        <translation>正在取消定义…</translation>
    </message>
</context>
<context>
    <name>PoolEditor</name>
    <message>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>New Storage Pool</source>
        <translation>新建存储池</translation>
    </message>
</context>
<context>
    <name>PoolGeneralTab</name>
    <message>
        <source>&amp;Build: create the target directory</source>
        <translation>构建(&amp;B)：创建目标目录</translation>
    </message>
    <message>
        <source>&amp;Build: format the device (erases everything on it)</source>
        <translation>构建(&amp;B)：格式化设备（会清除其上的所有数据）</translation>
    </message>
    <message>
        <source>&amp;Device(s):</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Host(s):</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Source name:</source>
        <translation>源名称(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Ceph &amp;user:</source>
        <translation>Ceph 用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Ceph RBD</source>
        <translation>Ceph RBD</translation>
    </message>
    <message>
        <source>Ceph pool</source>
        <translation>Ceph 池</translation>
    </message>
    <message>
        <source>Directory on the host</source>
        <translation>宿主机上的目录</translation>
    </message>
    <message>
        <source>E&amp;xport path:</source>
        <translation>导出路径(&amp;X)：</translation>
    </message>
    <message>
        <source>File system on a device (fs)</source>
        <translation>设备上的文件系统（fs）</translation>
    </message>
    <message>
        <source>Initiator I&amp;QN:</source>
        <translation>发起方 IQN(&amp;Q)：</translation>
    </message>
    <message>
        <source>LVM volume group (logical)</source>
        <translation>LVM 卷组（logical）</translation>
    </message>
    <message>
        <source>Leave unchecked for a device that already holds this pool.</source>
        <translation>如果设备上已有此存储池，请不要勾选。</translation>
    </message>
    <message>
        <source>Network file system (NFS, GlusterFS)</source>
        <translation>网络文件系统（NFS、GlusterFS）</translation>
    </message>
    <message>
        <source>Partitioned disk</source>
        <translation>分区磁盘</translation>
    </message>
    <message>
        <source>Secret &amp;usage:</source>
        <translation>密钥用途(&amp;U)：</translation>
    </message>
    <message>
        <source>Start the pool now</source>
        <translation>立即启动存储池</translation>
    </message>
    <message>
        <source>Start the pool when the host boots</source>
        <translation>宿主机启动时启动此存储池</translation>
    </message>
    <message>
        <source>Ta&amp;rget path:</source>
        <translation>目标路径(&amp;R)：</translation>
    </message>
    <message>
        <source>Target &amp;IQN:</source>
        <translation>目标 IQN(&amp;I)：</translation>
    </message>
    <message>
        <source>iSCSI target</source>
        <translation>iSCSI 目标</translation>
    </message>
    <message>
        <source>none (no cephx authentication)</source>
        <translation>无（不使用 cephx 认证）</translation>
    </message>
    <message>
        <source>this host&apos;s default</source>
        <translation>此宿主机的默认值</translation>
    </message>
    <message>
        <source>volume group</source>
        <translation>卷组</translation>
    </message>
</context>
<context>
    <name>PreferenceTexts</name>
    <message>
        <source>Enter the custom console command, e.g. “remote-viewer {address}”.</source>
        <translation>请输入自定义控制台命令，例如“remote-viewer {address}”。</translation>
    </message>
    <message>
        <source>The Name column cannot be hidden.</source>
        <translation>“名称”列不能隐藏。</translation>
    </message>
    <message>
        <source>The custom console command has a quote that is not closed.</source>
        <translation>自定义控制台命令中有未闭合的引号。</translation>
    </message>
    <message>
        <source>The custom console command may only use %s, not %s.</source>
        <translation>自定义控制台命令只能使用 %s，不能使用 %s。</translation>
    </message>
    <message>
        <source>The default %s name “%s” may not contain “/” or start or end with spaces.</source>
        <translation>默认%s名称“%s”不能包含“/”，也不能以空格开头或结尾。</translation>
    </message>
    <message>
        <source>The history length must be between 1 minute and 24 hours.</source>
        <translation>历史长度必须在 1 分钟到 24 小时之间。</translation>
    </message>
    <message>
        <source>The statistics interval must be between %s and %s seconds.</source>
        <translation>统计间隔必须在 %s 到 %s 秒之间。</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>storage pool</source>
        <translation>存储池</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;History length:</source>
        <translation>历史长度(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Network:</source>
        <translation>网络(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Statistics</source>
        <translation>统计(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Viewer:</source>
        <translation>查看器(&amp;V)：</translation>
    </message>
    <message>
        <source>Actions on several objects at once always ask first.</source>
        <translation>同时对多个对象执行操作时总会先询问。</translation>
    </message>
    <message>
        <source>Ask before destructive actions (force off, delete, discard saved state…)</source>
        <translation>执行破坏性操作前询问（强制关机、删除、丢弃保存的状态等）</translation>
    </message>
    <message>
        <source>Automatic (virt-viewer, else remote-viewer)</source>
        <translation>自动（优先 virt-viewer，否则 remote-viewer）</translation>
    </message>
    <message>
        <source>C&amp;olumns</source>
        <translation>列(&amp;O)</translation>
    </message>
    <message>
        <source>CPU and memory sparklines (samples every running domain)</source>
        <translation>CPU 和内存迷你图（对每个运行中的虚拟机采样）</translation>
    </message>
    <message>
        <source>Co&amp;mmand:</source>
        <translation>命令(&amp;M)：</translation>
    </message>
    <message>
        <source>Columns shown in the list:</source>
        <translation>列表中显示的列：</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Custom command</source>
        <translation>自定义命令</translation>
    </message>
    <message>
        <source>Custom console command</source>
        <translation>自定义控制台命令</translation>
    </message>
    <message>
        <source>Default network</source>
        <translation>默认网络</translation>
    </message>
    <message>
        <source>Default storage pool</source>
        <translation>默认存储池</translation>
    </message>
    <message>
        <source>Each virtual machine&apos;s console and details open in a tab instead of a window.</source>
        <translation>每台虚拟机的控制台和详细信息在标签页中打开，而不是单独的窗口。</translation>
    </message>
    <message>
        <source>How much history the charts keep (1 minute to 24 hours).</source>
        <translation>图表保留的历史长度（1 分钟到 24 小时）。</translation>
    </message>
    <message>
        <source>How often running domains are sampled (at least %s s).</source>
        <translation>对运行中虚拟机采样的频率（至少 %s 秒）。</translation>
    </message>
    <message>
        <source>New virtual machines</source>
        <translation>新虚拟机</translation>
    </message>
    <message>
        <source>Open virtual machine windows as tabs of one window</source>
        <translation>将虚拟机窗口作为同一窗口的标签页打开</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Sampling &amp;interval:</source>
        <translation>采样间隔(&amp;I)：</translation>
    </message>
    <message>
        <source>Storage &amp;pool:</source>
        <translation>存储池(&amp;P)：</translation>
    </message>
    <message>
        <source>let the wizard choose</source>
        <translation>由向导选择</translation>
    </message>
    <message>
        <source>remote-viewer</source>
        <translation>remote-viewer</translation>
    </message>
    <message>
        <source>virt-viewer</source>
        <translation>virt-viewer</translation>
    </message>
    <message>
        <source>{uri} is the connection URI, {name} the domain&apos;s name, {address} its display&apos;s address (e.g. vnc://host:5900; known while the domain runs).</source>
        <translation>{uri} 为连接 URI，{name} 为虚拟机名称，{address} 为其显示地址（例如 vnc://host:5900；虚拟机运行时才可知）。</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>ReachabilityPanel</name>
    <message>
        <source>(choose a domain)</source>
        <translation>（选择虚拟机）</translation>
    </message>
    <message>
        <source>Can</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Choose two domains to see whether they share a layer-2 segment (the path is highlighted).</source>
        <translation>选择两个虚拟机，查看它们是否共享一个二层网段（路径会被高亮显示）。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>First domain</source>
        <translation>第一个虚拟机</translation>
    </message>
    <message>
        <source>No. %s</source>
        <translation>不能。%s</translation>
    </message>
    <message>
        <source>Second domain</source>
        <translation>第二个虚拟机</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>交换</translation>
    </message>
    <message>
        <source>Yes. %s</source>
        <translation>能。%s</translation>
    </message>
    <message>
        <source>reach</source>
        <translation>能否到达</translation>
    </message>
</context>
<context>
    <name>ResourcesPage</name>
    <message>
        <source>%s (%s free)</source>
        <translation>%s（可用 %s）</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>内存(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Pool:</source>
        <translation>存储池(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>大小(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;vCPUs:</source>
        <translation>vCPU(&amp;V)：</translation>
    </message>
    <message>
        <source>Create a &amp;new disk</source>
        <translation>创建新磁盘(&amp;N)</translation>
    </message>
    <message>
        <source>Filled in from the operating system&apos;s recommendations.</source>
        <translation>已按操作系统的推荐值填写。</translation>
    </message>
    <message>
        <source>Memory, CPUs and storage</source>
        <translation>内存、CPU 和存储</translation>
    </message>
    <message>
        <source>No &amp;disk</source>
        <translation>无磁盘(&amp;D)</translation>
    </message>
    <message>
        <source>Pa&amp;th:</source>
        <translation>路径(&amp;T)：</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message numerus="yes">
        <source>The host has %s of memory and %n logical CPU(s).</source>
        <translation>
            <numerusform>宿主机有 %s 内存和 %n 个逻辑 CPU。</numerusform>
        </translation>
    </message>
    <message>
        <source>The imported image is the boot disk.</source>
        <translation>导入的映像即为引导磁盘。</translation>
    </message>
    <message>
        <source>This host offers no KVM: the guest runs in QEMU&apos;s emulator (TCG), several times slower than with hardware virtualization.</source>
        <translation>此主机不提供 KVM：客户机将在 QEMU 模拟器（TCG）中运行，比硬件虚拟化慢数倍。</translation>
    </message>
    <message>
        <source>Use an &amp;existing disk image</source>
        <translation>使用现有磁盘映像(&amp;E)</translation>
    </message>
    <message>
        <source>Virtuali&amp;zation:</source>
        <translation>虚拟化(&amp;Z)：</translation>
    </message>
    <message>
        <source>libvirt offers KVM, but this machine&apos;s CPU does not report hardware virtualization (vmx/svm), and a KVM guest may pause at once: QEMU emulation is chosen. Choose KVM if it works here.</source>
        <translation>libvirt 提供 KVM，但本机 CPU 未报告硬件虚拟化（vmx/svm），KVM 客户机可能会立即暂停：已选择 QEMU 模拟。如果 KVM 在此可用，请选择 KVM。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message numerus="yes">
        <source>%n done</source>
        <translation>
            <numerusform>%n 个已完成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n 个已跳过</numerusform>
        </translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
</context>
<context>
    <name>RevertDialog</name>
    <message>
        <source>&amp;Afterwards:</source>
        <translation>之后(&amp;A)：</translation>
    </message>
    <message>
        <source>As when taken (%s)</source>
        <translation>与创建时相同（%s）</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Revert to snapshot</source>
        <translation>还原到快照</translation>
    </message>
    <message>
        <source>Revert to snapshot %s?</source>
        <translation>还原到快照 %s？</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>The guest&apos;s disks, and its memory if the snapshot holds it, go back to how they were. Everything changed since is lost: take a snapshot first to keep it.</source>
        <translation>虚拟机的磁盘（以及快照中保存的内存）将恢复到当时的状态。此后的所有更改都会丢失：如需保留，请先创建快照。</translation>
    </message>
</context>
<context>
    <name>RngForm</name>
    <message>
        <source>&amp;Host source:</source>
        <translation>主机来源(&amp;H)：</translation>
    </message>
</context>
<context>
    <name>ScreenThumbnail</name>
    <message>
        <source>The screen of %s a few seconds ago. Click to open its window.</source>
        <translation>%s 几秒钟前的屏幕。单击打开其窗口。</translation>
    </message>
</context>
<context>
    <name>ScreenshotSource</name>
    <message>
        <source>The host sent a screenshot that is not a picture (%s).</source>
        <translation>主机发送的截图不是图片（%s）。</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>未知类型</translation>
    </message>
</context>
<context>
    <name>SerialConsolePage</name>
    <message>
        <source>Another client is using this console (%s). Take it over to use it here.</source>
        <translation>另一个客户端正在使用此控制台（%s）。接管后才能在此使用。</translation>
    </message>
    <message>
        <source>Cannot open the console yet (%s); trying again…</source>
        <translation>暂时无法打开控制台（%s）；正在重试…</translation>
    </message>
    <message>
        <source>Cannot open the console: %s</source>
        <translation>无法打开控制台：%s</translation>
    </message>
    <message>
        <source>Connected to %s.</source>
        <translation>已连接到 %s。</translation>
    </message>
    <message>
        <source>Connecting to %s…</source>
        <translation>正在连接到 %s…</translation>
    </message>
    <message>
        <source>Console %d (%s)</source>
        <translation>控制台 %d（%s）</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <source>Disconnect the other client and attach this window</source>
        <translation>断开另一个客户端并连接此窗口</translation>
    </message>
    <message>
        <source>Disconnected.</source>
        <translation>已断开连接。</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>Serial port %d</source>
        <translation>串口 %d</translation>
    </message>
    <message>
        <source>Serial port or console of the domain to attach to</source>
        <translation>要连接的虚拟机串口或控制台</translation>
    </message>
    <message>
        <source>Take Over</source>
        <translation>接管</translation>
    </message>
    <message>
        <source>The console closed (%s); attaching again…</source>
        <translation>控制台已关闭（%s）；正在重新连接…</translation>
    </message>
    <message>
        <source>The console closed.</source>
        <translation>控制台已关闭。</translation>
    </message>
    <message>
        <source>The console closed: %s</source>
        <translation>控制台已关闭：%s</translation>
    </message>
    <message>
        <source>The console closed; attaching again…</source>
        <translation>控制台已关闭；正在重新连接…</translation>
    </message>
    <message>
        <source>The domain is not running. The console attaches when it starts.</source>
        <translation>虚拟机未运行。启动后控制台会自动连接。</translation>
    </message>
    <message>
        <source>The domain stopped. The console attaches when it starts again.</source>
        <translation>虚拟机已停止。再次启动后控制台会自动连接。</translation>
    </message>
    <message>
        <source>The domain was removed.</source>
        <translation>虚拟机已被删除。</translation>
    </message>
    <message>
        <source>This domain has no serial port or console.</source>
        <translation>此虚拟机没有串口或控制台。</translation>
    </message>
    <message>
        <source>Virtio console %d</source>
        <translation>Virtio 控制台 %d</translation>
    </message>
</context>
<context>
    <name>SerialForm</name>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <source>PCI serial card</source>
        <translation>PCI 串口卡</translation>
    </message>
    <message>
        <source>Standard serial port (ISA)</source>
        <translation>标准串口（ISA）</translation>
    </message>
    <message>
        <source>USB and PCI serial ports can be plugged into a running guest; a standard port waits for its next boot.</source>
        <translation>USB 和 PCI 串口可以插入运行中的虚拟机；标准串口需等到下次启动。</translation>
    </message>
    <message>
        <source>USB serial adapter</source>
        <translation>USB 串口适配器</translation>
    </message>
</context>
<context>
    <name>SerialView</name>
    <message>
        <source>Another client is using this console (%s).</source>
        <translation>另一个客户端正在使用此控制台（%s）。</translation>
    </message>
    <message>
        <source>Disconnect the other client and attach here</source>
        <translation>断开另一个客户端并在此连接</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>接管</translation>
    </message>
</context>
<context>
    <name>SnapshotDetails</name>
    <message>
        <source> (current)</source>
        <translation>（当前）</translation>
    </message>
    <message>
        <source>%s: inside its image</source>
        <translation>%s：在其镜像内</translation>
    </message>
    <message>
        <source>%s: overlay %s</source>
        <translation>%s：覆盖层 %s</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>创建时间：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <source>Memory: %s</source>
        <translation>内存：%s</translation>
    </message>
    <message>
        <source>Memory: inside the disk images</source>
        <translation>内存：在磁盘镜像内</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>No disks or memory</source>
        <translation>无磁盘或内存</translation>
    </message>
    <message>
        <source>Saved in:</source>
        <translation>保存位置：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>The guest&apos;s screen when the snapshot was taken</source>
        <translation>创建快照时虚拟机的屏幕</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Unknown (its XML cannot be read)</source>
        <translation>未知（无法读取其 XML）</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>一个文件</translation>
    </message>
</context>
<context>
    <name>SnapshotToolbar</name>
    <message>
        <source>Bring the guest back to the selected snapshot</source>
        <translation>将虚拟机恢复到所选快照</translation>
    </message>
    <message>
        <source>Change the selected snapshot&apos;s description</source>
        <translation>更改所选快照的描述</translation>
    </message>
    <message>
        <source>Delete the selected snapshot</source>
        <translation>删除所选快照</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Edit description…</source>
        <translation>编辑描述…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Revert…</source>
        <translation>还原…</translation>
    </message>
    <message>
        <source>Save the guest&apos;s present state to come back to</source>
        <translation>保存虚拟机的当前状态以便日后恢复</translation>
    </message>
    <message>
        <source>Take snapshot…</source>
        <translation>创建快照…</translation>
    </message>
</context>
<context>
    <name>SnapshotTreeModel</name>
    <message>
        <source>%s is the current snapshot: the guest&apos;s present state grew from it</source>
        <translation>%s 是当前快照：虚拟机的当前状态由它发展而来</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>已崩溃</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Disk only</source>
        <translation>仅磁盘</translation>
    </message>
    <message>
        <source>External</source>
        <translation>外部</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Shut off</source>
        <translation>已关机</translation>
    </message>
    <message>
        <source>Shutting down</source>
        <translation>正在关机</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>SnapshotsPage</name>
    <message>
        <source>Another client changed this snapshot meanwhile; nothing was changed. The list now shows it as it is.</source>
        <translation>另一个客户端同时修改了此快照；未做任何更改。列表现在显示其实际状态。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Cannot read the domain&apos;s definition: %s</source>
        <translation>无法读取虚拟机的定义：%s</translation>
    </message>
    <message>
        <source>Cannot read the snapshot&apos;s XML: %s</source>
        <translation>无法读取快照的 XML：%s</translation>
    </message>
    <message>
        <source>Cannot read the snapshots: %s</source>
        <translation>无法读取快照：%s</translation>
    </message>
    <message>
        <source>Deleted %s.</source>
        <translation>已删除 %s。</translation>
    </message>
    <message>
        <source>Deleting %s…</source>
        <translation>正在删除 %s…</translation>
    </message>
    <message>
        <source>Description of %s saved.</source>
        <translation>%s 的描述已保存。</translation>
    </message>
    <message>
        <source>Edit description</source>
        <translation>编辑描述</translation>
    </message>
    <message>
        <source>Failed: %s</source>
        <translation>失败：%s</translation>
    </message>
    <message>
        <source>No snapshots yet. Take snapshot… saves the guest&apos;s present state, to come back to later.</source>
        <translation>还没有快照。“创建快照…”会保存虚拟机的当前状态，以便日后恢复。</translation>
    </message>
    <message>
        <source>Nothing was changed: %s</source>
        <translation>未做任何更改：%s</translation>
    </message>
    <message>
        <source>Reverted to %s.</source>
        <translation>已还原到 %s。</translation>
    </message>
    <message>
        <source>Reverting to %s…</source>
        <translation>正在还原到 %s…</translation>
    </message>
    <message>
        <source>Saving the description…</source>
        <translation>正在保存描述…</translation>
    </message>
    <message>
        <source>Select a snapshot to see it here.</source>
        <translation>选择一个快照以在此查看。</translation>
    </message>
    <message>
        <source>Snapshot %s taken.</source>
        <translation>已创建快照 %s。</translation>
    </message>
    <message>
        <source>Take snapshot</source>
        <translation>创建快照</translation>
    </message>
    <message>
        <source>Taking snapshot %s…</source>
        <translation>正在创建快照 %s…</translation>
    </message>
    <message>
        <source>The description is unchanged.</source>
        <translation>描述未更改。</translation>
    </message>
    <message>
        <source>The snapshot&apos;s metadata changes like this:</source>
        <translation>快照的元数据将这样更改：</translation>
    </message>
    <message>
        <source>libvirt is asked to take this snapshot:</source>
        <translation>将请求 libvirt 创建此快照：</translation>
    </message>
</context>
<context>
    <name>SoundForm</name>
    <message>
        <source>&amp;Model:</source>
        <translation>型号(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <source> (default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>%d logical CPUs: %d NUMA node(s), %d socket(s), %d core(s), %d thread(s), %d MHz</source>
        <translation>%d 个逻辑 CPU：%d 个 NUMA 节点，%d 个插槽，%d 个核心，%d 个线程，%d MHz</translation>
    </message>
    <message>
        <source>%s (%d vCPUs of running domains on %d host CPUs)</source>
        <translation>%s（运行中虚拟机共 %d 个 vCPU，宿主机 %d 个 CPU）</translation>
    </message>
    <message>
        <source>%s (%s of active domains in %s host memory)</source>
        <translation>%s（活动虚拟机占用 %s，宿主机内存 %s）</translation>
    </message>
    <message>
        <source>%s of %s maximum</source>
        <translation>%s，最大 %s</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>(no MAC)</source>
        <translation>（无 MAC）</translation>
    </message>
    <message>
        <source>/dev/kvm is missing</source>
        <translation>缺少 /dev/kvm</translation>
    </message>
    <message>
        <source>/dev/kvm is not accessible</source>
        <translation>无法访问 /dev/kvm</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>分配量</translation>
    </message>
    <message>
        <source>Autostart</source>
        <translation>自动启动</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>网桥</translation>
    </message>
    <message>
        <source>CPU model</source>
        <translation>CPU 型号</translation>
    </message>
    <message>
        <source>CPU overcommit</source>
        <translation>CPU 超配</translation>
    </message>
    <message>
        <source>CPU topology</source>
        <translation>CPU 拓扑</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>DHCP range</source>
        <translation>DHCP 范围</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Disks</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>虚拟机</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Forward mode</source>
        <translation>转发模式</translation>
    </message>
    <message>
        <source>Graphics</source>
        <translation>图形</translation>
    </message>
    <message>
        <source>Hardware virtualization</source>
        <translation>硬件虚拟化</translation>
    </message>
    <message>
        <source>Hypervisor</source>
        <translation>虚拟机管理程序</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>MAC address</source>
        <translation>MAC 地址</translation>
    </message>
    <message>
        <source>Managed save image</source>
        <translation>托管保存映像</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Memory overcommit</source>
        <translation>内存超配</translation>
    </message>
    <message>
        <source>Network interfaces</source>
        <translation>网络接口</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Overcommit</source>
        <translation>超配</translation>
    </message>
    <message>
        <source>Parent device</source>
        <translation>父设备</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Persistent</source>
        <translation>持久</translation>
    </message>
    <message>
        <source>Port group</source>
        <translation>端口组</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Static host</source>
        <translation>静态主机</translation>
    </message>
    <message>
        <source>Target path</source>
        <translation>目标路径</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>VLAN %s</source>
        <translation>VLAN %s</translation>
    </message>
    <message>
        <source>VLAN tag</source>
        <translation>VLAN 标签</translation>
    </message>
    <message>
        <source>Virtual port</source>
        <translation>虚拟端口</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>卷</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>libvirt daemon</source>
        <translation>libvirt 守护进程</translation>
    </message>
    <message>
        <source>libvirt library</source>
        <translation>libvirt 库</translation>
    </message>
    <message>
        <source>no domain</source>
        <translation>无虚拟机</translation>
    </message>
    <message>
        <source>no: %s (guests run under TCG emulation)</source>
        <translation>否：%s（客户机以 TCG 模拟方式运行）</translation>
    </message>
    <message>
        <source>not applicable (remote or simulated host)</source>
        <translation>不适用（远程或模拟的宿主机）</translation>
    </message>
    <message>
        <source>the CPU reports neither vmx nor svm</source>
        <translation>CPU 既不支持 vmx 也不支持 svm</translation>
    </message>
    <message>
        <source>trunk of VLANs %s</source>
        <translation>Trunk，VLAN %s</translation>
    </message>
    <message>
        <source>vCPUs</source>
        <translation>vCPU</translation>
    </message>
    <message>
        <source>yes (%s, /dev/kvm)</source>
        <translation>是（%s，/dev/kvm）</translation>
    </message>
</context>
<context>
    <name>TakeSnapshotAction</name>
    <message>
        <source>Save the domain&apos;s present state to come back to</source>
        <translation>保存虚拟机的当前状态以便日后恢复</translation>
    </message>
    <message>
        <source>Take &amp;snapshot…</source>
        <translation>创建快照(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>TerminalWidget</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Larger Text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <source>Normal Size</source>
        <translation>正常大小</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Smaller Text</source>
        <translation>缩小文字</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Active</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>分配量</translation>
    </message>
    <message>
        <source>Autostart</source>
        <translation>自动启动</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>网桥</translation>
    </message>
    <message>
        <source>CPU usage</source>
        <translation>CPU 使用率</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Crashed</source>
        <translation>已崩溃</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>Disconnected: %s</source>
        <translation>已断开：%s</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>虚拟机</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Error: %s</source>
        <translation>错误：%s</translation>
    </message>
    <message>
        <source>Forward / type</source>
        <translation>转发 / 类型</translation>
    </message>
    <message>
        <source>Host interfaces</source>
        <translation>宿主机接口</translation>
    </message>
    <message>
        <source>I/O error</source>
        <translation>I/O 错误</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>不活动</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Memory usage</source>
        <translation>内存使用率</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>No state</source>
        <translation>无状态</translation>
    </message>
    <message>
        <source>Not connected to %s: its state is unknown until the connection is back.</source>
        <translation>未连接到 %s：在连接恢复之前，其状态未知。</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Paused (%s)</source>
        <translation>已暂停（%s）</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Shut off</source>
        <translation>已关机</translation>
    </message>
    <message>
        <source>Shutting down</source>
        <translation>正在关机</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Storage pools</source>
        <translation>存储池</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>VLAN</source>
        <translation>VLAN</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>dumping memory</source>
        <translation>正在转储内存</translation>
    </message>
    <message>
        <source>guest crashed</source>
        <translation>客户机崩溃</translation>
    </message>
    <message>
        <source>isolated</source>
        <translation>隔离</translation>
    </message>
    <message>
        <source>libvirt API error</source>
        <translation>libvirt API 错误</translation>
    </message>
    <message>
        <source>migrating</source>
        <translation>正在迁移</translation>
    </message>
    <message>
        <source>post-copy migration</source>
        <translation>后复制迁移</translation>
    </message>
    <message>
        <source>post-copy migration failed</source>
        <translation>后复制迁移失败</translation>
    </message>
    <message>
        <source>restored from a snapshot</source>
        <translation>已从快照恢复</translation>
    </message>
    <message>
        <source>saving</source>
        <translation>正在保存</translation>
    </message>
    <message>
        <source>shutting down</source>
        <translation>正在关机</translation>
    </message>
    <message>
        <source>starting up</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>taking a snapshot</source>
        <translation>正在创建快照</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>原因未知</translation>
    </message>
    <message>
        <source>vCPUs</source>
        <translation>vCPU</translation>
    </message>
    <message>
        <source>watchdog</source>
        <translation>看门狗</translation>
    </message>
</context>
<context>
    <name>Topology</name>
    <message>
        <source>(click one to show only it)</source>
        <translation>（单击某个网段可只显示它）</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Bond</source>
        <translation>绑定</translation>
    </message>
    <message>
        <source>Bond mode</source>
        <translation>绑定模式</translation>
    </message>
    <message>
        <source>Bridge</source>
        <translation>网桥</translation>
    </message>
    <message>
        <source>Cannot read the topology: %s</source>
        <translation>无法读取拓扑：%s</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>虚拟机</translation>
    </message>
    <message>
        <source>Forward devices</source>
        <translation>转发设备</translation>
    </message>
    <message>
        <source>Forward mode</source>
        <translation>转发模式</translation>
    </message>
    <message>
        <source>Guest NIC</source>
        <translation>客户机网卡</translation>
    </message>
    <message>
        <source>IP (DHCP lease)</source>
        <translation>IP（DHCP 租约）</translation>
    </message>
    <message>
        <source>IP / DHCP range</source>
        <translation>IP / DHCP 范围</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Layer-2 segment %s</source>
        <translation>二层网段 %s</translation>
    </message>
    <message>
        <source>Layer-2 segments</source>
        <translation>二层网段</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链路</translation>
    </message>
    <message>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>NAT</source>
        <translation>NAT</translation>
    </message>
    <message>
        <source>NAT / routed (not layer 2)</source>
        <translation>NAT / 路由（非二层）</translation>
    </message>
    <message>
        <source>NAT through the host (not layer 2)</source>
        <translation>经宿主机 NAT（非二层）</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Open vSwitch</source>
        <translation>Open vSwitch</translation>
    </message>
    <message>
        <source>Outside (NAT / routed)</source>
        <translation>外部（NAT / 路由）</translation>
    </message>
    <message>
        <source>Physical NIC</source>
        <translation>物理网卡</translation>
    </message>
    <message>
        <source>Portgroup</source>
        <translation>端口组</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>源</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>交换机</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>Uplink</source>
        <translation>上行链路</translation>
    </message>
    <message>
        <source>VLAN</source>
        <translation>VLAN</translation>
    </message>
    <message>
        <source>VLAN %s</source>
        <translation>VLAN %s</translation>
    </message>
    <message>
        <source>VLAN device</source>
        <translation>VLAN 设备</translation>
    </message>
    <message>
        <source>VLAN request</source>
        <translation>VLAN 请求</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>access port (one VLAN)</source>
        <translation>Access 端口（单个 VLAN）</translation>
    </message>
    <message>
        <source>access port, VLAN %s</source>
        <translation>Access 端口，VLAN %s</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>不活动</translation>
    </message>
    <message>
        <source>members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>named in the configuration, but the host has no such device</source>
        <translation>配置中引用了，但宿主机上没有此设备</translation>
    </message>
    <message>
        <source>outside</source>
        <translation>外部</translation>
    </message>
    <message>
        <source>routed</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>routed through the host (not layer 2)</source>
        <translation>经宿主机路由（非二层）</translation>
    </message>
    <message>
        <source>trunk (tagged VLANs)</source>
        <translation>Trunk（带标签的 VLAN）</translation>
    </message>
    <message>
        <source>trunk, tagged VLANs %s</source>
        <translation>Trunk，带标签的 VLAN %s</translation>
    </message>
    <message>
        <source>untagged</source>
        <translation>无标签</translation>
    </message>
    <message>
        <source>uplink</source>
        <translation>上行链路</translation>
    </message>
</context>
<context>
    <name>TopologyPage</name>
    <message numerus="yes">
        <source>%n domain(s), </source>
        <translation>
            <numerusform>%n 个虚拟机，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer-2 segment(s)</source>
        <translation>
            <numerusform>%n 个二层网段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n warning(s) (see the legend)</source>
        <translation>
            <numerusform>，%n 个警告（见图例）</numerusform>
        </translation>
    </message>
    <message>
        <source>Can A reach B?</source>
        <translation>A 能否到达 B？</translation>
    </message>
    <message>
        <source>Could not write %s.</source>
        <translation>无法写入 %s。</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export PNG image</source>
        <translation>导出 PNG 图像</translation>
    </message>
    <message>
        <source>Export SVG drawing</source>
        <translation>导出 SVG 图形</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Fit the picture to the width of the view (0 shows all of it)</source>
        <translation>使图适应视图的宽度（按 0 显示全图）</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Open this topology in a window of its own</source>
        <translation>在单独的窗口中打开此拓扑</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>PNG image…</source>
        <translation>PNG 图像…</translation>
    </message>
    <message>
        <source>Reading the topology…</source>
        <translation>正在读取拓扑…</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 图形 (*.svg)</translation>
    </message>
    <message>
        <source>SVG drawing…</source>
        <translation>SVG 图形…</translation>
    </message>
    <message>
        <source>Save the picture</source>
        <translation>保存图片</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>拓扑</translation>
    </message>
    <message>
        <source>Topology — %s</source>
        <translation>拓扑 — %s</translation>
    </message>
    <message>
        <source>VLAN %s</source>
        <translation>VLAN %s</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
</context>
<context>
    <name>TopologyView</name>
    <message>
        <source>Network topology</source>
        <translation>网络拓扑</translation>
    </message>
</context>
<context>
    <name>TpmForm</name>
    <message>
        <source>&amp;Model:</source>
        <translation>型号(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V)：</translation>
    </message>
    <message>
        <source>An emulated TPM (swtpm): Windows 11 needs version 2.0.</source>
        <translation>模拟的 TPM（swtpm）：Windows 11 需要 2.0 版。</translation>
    </message>
</context>
<context>
    <name>VideoForm</name>
    <message>
        <source>&amp;Model:</source>
        <translation>型号(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>VmPages</name>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>硬件</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>性能</translation>
    </message>
    <message>
        <source>Pinning</source>
        <translation>CPU 绑定</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>快照</translation>
    </message>
</context>
<context>
    <name>VmTabsWindow</name>
    <message>
        <source>Virtual machines</source>
        <translation>虚拟机</translation>
    </message>
</context>
<context>
    <name>VmToolbar</name>
    <message>
        <source>1:1 (scroll bars)</source>
        <translation>1:1（滚动条）</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Backspace</source>
        <translation>Ctrl+Alt+Backspace</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Del</source>
        <translation>Ctrl+Alt+Del</translation>
    </message>
    <message>
        <source>Ctrl+Alt+F%s</source>
        <translation>Ctrl+Alt+F%s</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Fullscreen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>How the guest&apos;s screen fits the window</source>
        <translation>客户机屏幕如何适应窗口</translation>
    </message>
    <message>
        <source>Press a key combination in the guest</source>
        <translation>在客户机中按下组合键</translation>
    </message>
    <message>
        <source>PrintScreen</source>
        <translation>PrintScreen</translation>
    </message>
    <message>
        <source>Resize window to guest</source>
        <translation>按客户机调整窗口大小</translation>
    </message>
    <message>
        <source>Save the console&apos;s picture as a PNG file</source>
        <translation>将控制台画面保存为 PNG 文件</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Screenshot</source>
        <translation>截图</translation>
    </message>
    <message>
        <source>Send key</source>
        <translation>发送按键</translation>
    </message>
    <message>
        <source>Virtual machine</source>
        <translation>虚拟机</translation>
    </message>
</context>
<context>
    <name>VmView</name>
    <message>
        <source>%s on %s</source>
        <translation>%s（%s）</translation>
    </message>
    <message>
        <source>A VNC display was added; it takes effect at the next boot.</source>
        <translation>已添加 VNC 显示；下次启动时生效。</translation>
    </message>
    <message>
        <source>Could not save the screenshot to %s</source>
        <translation>无法将截图保存到 %s</translation>
    </message>
    <message>
        <source>Not connected to %s</source>
        <translation>未连接到 %s</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation>保存截图</translation>
    </message>
    <message>
        <source>Screenshot saved to %s</source>
        <translation>截图已保存到 %s</translation>
    </message>
</context>
<context>
    <name>VmWindowsFeature</name>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Open the virtual machine&apos;s window: its console, details and performance</source>
        <translation>打开虚拟机窗口：控制台、详细信息和性能</translation>
    </message>
</context>
<context>
    <name>VncInput</name>
    <message>
        <source>Click the screen to type in the guest</source>
        <translation>单击屏幕以在虚拟机中输入</translation>
    </message>
    <message>
        <source>Click the screen to type in the guest and move its pointer</source>
        <translation>单击屏幕以在虚拟机中输入并移动其指针</translation>
    </message>
    <message>
        <source>Press Ctrl+Alt to release the keyboard</source>
        <translation>按 Ctrl+Alt 释放键盘</translation>
    </message>
    <message>
        <source>Press Ctrl+Alt to release the pointer and the keyboard</source>
        <translation>按 Ctrl+Alt 释放指针和键盘</translation>
    </message>
</context>
<context>
    <name>VncPasswordDialog</name>
    <message>
        <source>Console password</source>
        <translation>控制台密码</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>The graphical console of %s asks for its VNC password.</source>
        <translation>%s 的图形控制台需要其 VNC 密码。</translation>
    </message>
    <message>
        <source>Type the password, or Cancel.</source>
        <translation>请输入密码，或取消。</translation>
    </message>
</context>
<context>
    <name>VncView</name>
    <message>
        <source>View only (a screenshot every second). %s</source>
        <translation>仅查看（每秒一张截图）。%s</translation>
    </message>
</context>
<context>
    <name>VolumeActions</name>
    <message>
        <source>%s is in use by running domain(s): %s</source>
        <translation>%s 正被运行中的虚拟机使用：%s</translation>
    </message>
    <message>
        <source>%s is still named by: %s (their disks will point at a missing volume)</source>
        <translation>%s 仍被以下虚拟机引用：%s（它们的磁盘将指向不存在的卷）</translation>
    </message>
    <message>
        <source>&amp;Delete volume…</source>
        <translation>删除卷(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n volume(s)? Their data is lost.</source>
        <translation>
            <numerusform>删除 %n 个卷？其中的数据将丢失。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete volume</source>
        <translation>删除卷</translation>
    </message>
    <message>
        <source>Nothing was deleted. Stop these domains or detach the volumes first:</source>
        <translation>未删除任何内容。请先停止这些虚拟机或分离这些卷：</translation>
    </message>
    <message>
        <source>deleting…</source>
        <translation>正在删除…</translation>
    </message>
</context>
<context>
    <name>VolumeEditor</name>
    <message>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>A full copy of volume %s</source>
        <translation>卷 %s 的完整副本</translation>
    </message>
    <message>
        <source>In pool %s</source>
        <translation>位于存储池 %s</translation>
    </message>
    <message>
        <source>New Storage Volume</source>
        <translation>新建存储卷</translation>
    </message>
</context>
<context>
    <name>VolumeGeneralTab</name>
    <message>
        <source>&amp;Allocation:</source>
        <translation>分配量(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Backing volume:</source>
        <translation>后备卷(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Capacity:</source>
        <translation>容量(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>0 allocates on demand (a sparse or thin volume)</source>
        <translation>0 表示按需分配（稀疏卷或精简卷）</translation>
    </message>
    <message>
        <source>A qcow2 volume with a backing volume stores only what differs from it. &quot;Copy from&quot; makes a full copy of another volume of the same pool instead.</source>
        <translation>带后备卷的 qcow2 卷只存储与后备卷不同的部分。“复制自”则会完整复制同一存储池中的另一个卷。</translation>
    </message>
    <message>
        <source>Copy &amp;from:</source>
        <translation>复制自(&amp;F)：</translation>
    </message>
    <message>
        <source>P&amp;ool:</source>
        <translation>存储池(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>VolumePickerDialog</name>
    <message>
        <source>Choose a disk image</source>
        <translation>选择磁盘映像</translation>
    </message>
    <message>
        <source>Choose an ISO image</source>
        <translation>选择 ISO 映像</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>No active pool has a suitable volume.</source>
        <translation>没有活动的存储池包含合适的卷。</translation>
    </message>
    <message>
        <source>Only active pools whose volumes have a path on the host are listed (not, for example, Ceph RBD). A pool that is not running shows no volumes.</source>
        <translation>仅列出卷在主机上有路径的活动存储池（例如不包括 Ceph RBD）。未运行的存储池不显示卷。</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Storage volumes</source>
        <translation>存储卷</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>卷</translation>
    </message>
</context>
<context>
    <name>WatchdogForm</name>
    <message>
        <source>&amp;Model:</source>
        <translation>型号(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;When the guest hangs:</source>
        <translation>虚拟机挂起时(&amp;W)：</translation>
    </message>
    <message>
        <source>Dump its memory</source>
        <translation>转储其内存</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>不做任何事</translation>
    </message>
    <message>
        <source>Pause it</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Power it off</source>
        <translation>断电</translation>
    </message>
    <message>
        <source>Reset it</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Send it an NMI</source>
        <translation>发送 NMI</translation>
    </message>
    <message>
        <source>Shut it down</source>
        <translation>关机</translation>
    </message>
</context>
<context>
    <name>XmlTab</name>
    <message>
        <source>XML definition</source>
        <translation>XML 定义</translation>
    </message>
</context>
</TS>
