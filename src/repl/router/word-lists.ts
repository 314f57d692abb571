// Generic vocabulary the router weighs words with: function words of English and of a few
// other languages, verbs that start imperative requests, question openers, and the words
// command lines use for subcommands. Plain data; nothing here names a particular file or user.

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** English function words that command arguments almost never are: articles, pronouns, auxiliaries... */
export const STRONG_FUNCTION_WORDS = words(`
  the a an of with into onto that these those this your my its their our his her hers
  is are was were be been being has have had does did doesn't don't isn't aren't can't won't
  it them they we you me us him she he i whose whom whether than because such very please
  there here then also every each either neither both another other same using containing
  named called which what where when why how who within without between among about
  across through throughout toward towards upon via whereas while unless until whenever
  something anything everything nothing someone anyone everyone itself themselves yourself myself
  should would could must might shall will can may
  to for from by and or but if so as at not just only any some like after before since over
  specific specified given certain existing available multiple several various entire whole
  under above below beneath per inside outside around against except instead including
  excluding along beside besides beyond behind
`);

/** Function words that also turn up as command arguments (`up`, `all`, `in`, `on`...). */
export const WEAK_FUNCTION_WORDS = words(`
  in on all no up down out off more most less one two three first last next current new
`);

/** Determiners: after a verb they open its object ("find all files", "view a presentation"). */
export const DETERMINERS = words(`
  a an the all every each some any this that these those my your our its their his her
`);

/** Function words of Spanish, German, French, Italian and Portuguese (not English words, not common CLI abbreviations). */
export const FOREIGN_FUNCTION_WORDS = words(`
  el la los las al un una unos unas en con para por que como desde hasta sobre
  entre sin sus este esta estos estas cada todos todas lo les mediante
  der das den dem des ein eine einen einem einer und oder mit von zu zum zur für im ins auf
  aus bei nach über unter vom ist sind wird werden alle allen aller alles eines sich nicht nur
  auch als wie kein keine dieser diese dieses
  le les une du de et ou avec pour dans sur par est sont qui au ce cette
  ces tous toutes tout sa leur leurs depuis sans vers chez
  il gli della delle dello degli dei nel nella nelle tutti tutte questo questa quello sono che
  os dos das uma em nas nos pelo pela com
`);

/** Openers of a question or a request to the assistant. */
export const QUESTION_OPENERS = words(`
  what what's whats how how's why where where's when who who's whose which can could would
  should is are does do did will please i i'm i'd i've let's lets tell help explain hey hi
`);

/** Words that open a clause in prose and are also bash keywords or builtins (`for each file...`). */
export const CLAUSE_OPENERS = words(`
  for if while until when once then else time in do done select case function let
  now again also next first finally instead ok okay yes no
`);

/** Verbs that start English requests and descriptions ("list", "create", "show"...). */
export const REQUEST_VERBS = words(`
  abort accept access activate add adjust align allocate allow analyse analyze annotate append
  apply archive arrange assign attach authenticate authorize automate backup benchmark bind
  block boot bootstrap browse build bump bundle cache calculate call cancel capture change
  check choose clean cleanup clear clone close collect colorize combine commit compare compile
  complete compress compute concatenate configure confirm connect consume continue convert copy
  correct count crawl create crop cut deactivate debug decode decompress decrease decrypt define
  delete deny deploy describe destroy detach detect determine disable disconnect discover
  display divide download drop dump duplicate edit eject emit empty enable encode encrypt end
  enter erase estimate evaluate examine exclude execute exit expand expire explain export
  expose extend extract fetch fill filter find finish fix flash flush follow force fork format
  forward free freeze gather generate get give grab grant group guess halt handle hash hide
  highlight identify ignore import include increase index initialize insert inspect install
  interpret invert invoke isolate join jump keep kill label launch let limit lint link list listen
  load locate lock log login logout look lookup make manage map mark match measure merge
  migrate minify modify monitor mount move multiply mute name navigate normalize open optimize
  order output overwrite pack package paginate parse pass paste patch pause perform pick ping
  pipe place play plot point poll populate post prefix prepare prepend preserve preview prevent
  print process produce profile prompt protect provide prune publish pull purge push put query
  queue quit read rebase rebuild receive recompile record recover redirect reduce refresh
  register reinstall reload remount remove rename render reorder repair repeat replace reply
  report request require rerun reset resize resolve restart restore resume retrieve return
  reverse revert review revoke rewrite rotate run save scan schedule scroll search secure
  select send serve set setup share shift show shrink shut shutdown sign simulate skip sleep
  slice sort specify split squash stage start stash step stop store stream strip submit
  subscribe substitute subtract sum summarize suppress suspend swap switch sync synchronize tag
  tail take talk terminate test toggle touch trace track transfer transform translate traverse trim
  truncate try tune turn type unarchive uncompress undo unmount uninstall unlock unmount unpack
  unset untar unzip update upgrade upload use validate verify view visualize wait want watch
  wipe write zip zoom need
`);

/** Spanish, German and French request verbs as tldr-style descriptions write them. */
export const FOREIGN_REQUEST_VERBS = words(`
  muestra mostrar crea crear elimina eliminar borra lista listar inicia iniciar ejecuta ejecutar
  busca buscar abre abrir instala instalar actualiza actualizar descarga descargar convierte
  añade agrega copia mueve guarda imprime obtiene cambia comprueba establece detiene reinicia
  zeige zeigen erstelle erstellen entferne lösche liste starte führe gib öffne installiere
  aktualisiere lade suche kopiere verschiebe speichere ändere prüfe setze stoppe beende
  konvertiere füge drucke
  affiche afficher crée créer supprime supprimer liste lister démarre lance lancer exécute
  exécuter ouvre ouvrir installe installer télécharge ajoute recherche copie déplace
  enregistre imprime obtient change vérifie définit arrête redémarre convertit mets
`);

/** Words command lines use as subcommands and nouns of their arguments (`list`, `status`, `config`...). */
export const SUBCOMMAND_WORDS = words(`
  add apply attach auth build check clean clear clone commit completion config configure connect
  create current delete deploy describe destroy detach diff disable disconnect down edit enable
  env exec export fetch freeze gc get help history import info init inspect install link list
  login logout logs ls merge mv new outdated plugin plugins prune publish pull push remove
  rename reset restart restore rm run search serve set setup show start status stop sync tag
  test uninstall unlink up update upgrade version versions view whoami
`);

/**
 * Programs so widespread that a line starting with one is a command even where the program is
 * not installed (a fresh machine, a container, a line typed before installing it).
 */
export const WELL_KNOWN_PROGRAMS = words(`
  git gh glab svn hg docker docker-compose podman kubectl helm minikube kind k9s terraform
  ansible ansible-playbook vagrant aws gcloud az doctl heroku pulumi go gofmt cargo rustc rustup
  npm npx yarn pnpm node deno bun python python3 pip pip3 pipx poetry uv conda ruby gem bundle
  rake rails irb perl php composer java javac mvn gradle kotlin dotnet swift clang gcc g++ cc
  make cmake ninja meson gdb lldb valgrind strace brew apt apt-get apt-cache dnf yum pacman
  zypper apk snap flatpak dpkg rpm nix systemctl journalctl service ssh scp sftp rsync curl
  wget ping traceroute dig nslookup ip ifconfig netstat ss nc nmap tcpdump openssl gpg
  ssh-keygen tmux screen vim vi nvim nano emacs code less man tldr jq yq fzf rg fd bat exa eza
  htop btop top ps kill pkill pgrep tar zip unzip gzip gunzip xz 7z zstd ffmpeg convert magick
  rename open xdg-open say pbcopy pbpaste xclip sed awk grep find xargs sort uniq wc head tail
  cut tr tee diff ls cp mv rm mkdir rmdir touch ln chmod chown du df free mount umount lsblk
  fdisk mkfs dd sudo su doas crontab watch sleep date cal uptime whoami hostname uname env
  printenv which whereis file stat realpath readlink basename dirname seq shuf yes base64
  md5sum sha256sum bc sqlite3 psql mysql redis-cli mongosh ollama just task
  join sync paste split expand unexpand fold fmt nl pr look comm cmp tac rev column shred
  truncate install numfmt nproc timeout stty tty logger wall write mesg lsof lscpu lsusb lspci
  dmesg compress uncompress zcat bzip2 bunzip2 unxz od xxd hexdump strings nm objdump ldd
  patch cat more vimdiff tree less locate updatedb whatis apropos info id groups users last w
  passwd chgrp umask renice nice nohup jobs ss iptables ufw firewalld useradd usermod userdel
  groupadd visudo lsmod modprobe insmod rmmod sysctl hwclock timedatectl hostnamectl
  localectl loginctl shutdown reboot halt poweroff swapon swapoff blkid fsck parted
`);

/**
 * Nouns and adjectives a terse request opens with ("disk space", "memory usage", "public ip
 * address"). None is a program name; on a machine where one is, bash knows it first.
 */
export const TOPIC_WORDS = words(`
  disk disks space memory ram cpu cpus gpu gpus battery kernel network networks wifi internet
  bandwidth public private local random current recent latest total available system hardware
  processor temperature weather zombie zombies process processes port ports folder folders
  directory directories files installed running hidden empty duplicate duplicates large big
  small biggest largest smallest newest oldest fastest slowest heaviest password passwords
  address addresses dns proxy firewall packages dependencies storage partition partitions usb
  bluetooth audio sound brightness resolution keyboard mouse printer clipboard logs errors
  swap timezone locale environment variables variable home username machine computer laptop
  servers containers pods daemons certificate certificates branches commits remotes
  ip ipv4 ipv6 mac serial model temp used unused modified deleted cached mounted listening
`);

/** Pronouns that make a whole object on their own ("kill it", "sort these"). */
export const OBJECT_PRONOUNS = words(`it them this that these those everything something me`);

/** Commands whose arguments are free text: English after them is still a command line. */
export const PROSE_TAKERS = words(`echo printf say espeak figlet toilet cowsay banner wall notify-send logger zenity whiptail`);

/** Builtins whose arguments are names of variables, aliases or shell options, or counts. */
export const NAME_TAKING_BUILTINS = words(`
  unset export set readonly local declare typeset alias shopt getopts shift read mapfile readarray
`);

/** Builtins whose arguments are names of commands: they count only when bash knows the names. */
export const COMMAND_TAKING_BUILTINS = words(`type hash help command enable complete compopt unalias`);
