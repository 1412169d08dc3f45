using FakeEntra.Server.Hosting;

if (CommandLine.AsksForHelp(args))
{
    Console.Write(CommandLine.Help());
    return 0;
}

return args.Contains(HealthProbe.Switch)
    ? await HealthProbe.RunAsync(args)
    : await FakeEntraHost.RunAsync(args);
